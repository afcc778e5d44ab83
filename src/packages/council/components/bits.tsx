/**
 * Small pieces the council pages share (styles: ../council.scss):
 *   <WriteGate>  the buttons, or — until the privacy guide is agreed — the way to agree first
 *   <Pick>       a tappable row that shows a choice and what tapping does (around a Picker)
 */
import type { ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useSession } from '../../../hooks/useSession'
import { go } from '../../../services/nav'

export function WriteGate({ children, what = '参与' }: { children: ReactNode; what?: string }) {
  const { canWrite } = useSession()
  if (canWrite) return <>{children}</>
  return (
    <Button className='btn btn--primary btn--block' onClick={() => go('me')}>
      同意隐私保护指引后才能{what}
    </Button>
  )
}

export function PickFace({ id, text, arrow = '更改 ›' }: { id?: string; text: string; arrow?: string }) {
  return (
    <View className='form-picker ct-picker' id={id}>
      <Text>{text}</Text>
      <Text className='ct-picker__arrow'>{arrow}</Text>
    </View>
  )
}
