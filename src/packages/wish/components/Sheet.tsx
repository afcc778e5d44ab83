/**
 * A bottom sheet for one confirmed action: a title, what happens, the form, the server's refusal in its
 * own words with a way forward (刷新看看), and the two buttons.
 */
import type { ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'

export function Sheet(props: {
  title: string
  children?: ReactNode
  error?: string | null
  /** The refusal is final (someone else got there first...): offer 刷新看看 instead of submitting again. */
  stale?: boolean
  busy?: boolean
  submitText: string
  onSubmit: () => void
  onClose: () => void
  onRefresh?: () => void
}) {
  return (
    <View className='w-sheet-mask' onClick={() => !props.busy && props.onClose()}>
      <View className='w-sheet' id='wish-sheet' onClick={(e) => e.stopPropagation()}>
        <Text className='w-sheet__title'>{props.title}</Text>
        {props.children}
        {props.error && (
          <Text className='w-sheet__error' id='sheet-error'>
            {props.error}
          </Text>
        )}
        <View className='btn-row'>
          <Button className='btn' disabled={props.busy} onClick={props.onClose}>
            {props.stale ? '关闭' : '再想想'}
          </Button>
          {props.stale && props.onRefresh ? (
            <Button className='btn btn--primary' id='sheet-refresh' onClick={props.onRefresh}>
              刷新看看
            </Button>
          ) : (
            <Button className='btn btn--primary' id='sheet-submit' loading={props.busy} disabled={props.busy} onClick={props.onSubmit}>
              {props.submitText}
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}
