/**
 * Small pieces the council pages share (styles: ../council.scss):
 *   <WriteGate>  the buttons, or — until the privacy guide is agreed — the way to agree first
 *   <CouncilChoice> which council (only when the community has more than one; the default one unless picked)
 */
import type { ReactNode } from 'react'
import type { CouncilView } from '@contract/council'
import { Choice } from '../../../components/Field'
import { Button } from '@tarojs/components'
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

export function CouncilChoice(props: { id: string; label: string; councils: CouncilView[]; value: string | null; onChange: (id: string) => void }) {
  if (props.councils.length < 2) return null
  return (
    <Choice
      id={props.id}
      label={props.label}
      value={props.value ?? props.councils.find((c) => c.isDefault)?.id ?? null}
      options={props.councils.map((c) => ({ value: c.id, text: c.name }))}
      onChange={props.onChange}
    />
  )
}
