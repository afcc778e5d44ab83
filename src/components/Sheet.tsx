/**
 * A bottom sheet for one confirmed action: a title, what happens (children), the refusal in its own words,
 * and two buttons. When the refusal is final (someone else got there first) pass `stale` and `onRefresh`:
 * the sheet offers 刷新看看 (or `refreshText`) instead of submitting again. Without `onSubmit` it is an information sheet with
 * one 关闭 button. Styles: src/styles/parts.scss .sheet*.
 *
 *   {open && (
 *     <Sheet title='退回心愿' submitText='退回' busy={act.busy} error={act.error?.message} onSubmit={…} onClose={() => setOpen(false)}>
 *       <Area label='原因' value={reason} onChange={setReason} />
 *     </Sheet>
 *   )}
 *
 * With `act` (a useAction) the sheet takes its busy flag and refusal from it, and treats CONFLICT, FORBIDDEN
 * and NOT_FOUND as final (stale); `error`, `busy` and `stale` given as well win. With `check` the sheet first
 * asks the form what is missing and says it instead of submitting:
 *
 *   <Sheet title='督办' act={press} check={() => (note.trim() ? null : '请写督办的要求')} onSubmit={() => press.run(note.trim())} …>
 *
 * Test hooks: the sheet's `id` (default 'sheet'), #sheet-error, #sheet-submit, #sheet-refresh.
 */
import { useState, type ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'

export interface SheetProps {
  title: string
  children?: ReactNode
  /** The write behind the sheet (useAction): busy, error and stale from it unless given. */
  act?: { busy: boolean; error: { code: string; message: string } | null }
  /** The refusal to show above the buttons (the server's words, or the page's). */
  error?: string | null
  /** The refusal is final: offer 刷新看看 (onRefresh) instead of submitting again. */
  stale?: boolean
  busy?: boolean
  submitText?: string
  /** Defaults to 再想想 (关闭 when stale or when there is nothing to submit). */
  cancelText?: string
  onSubmit?: () => void
  /** What the form still lacks, in words (said as the sheet's error; onSubmit waits), or null when it may go. */
  check?: () => string | null
  onClose: () => void
  onRefresh?: () => void
  /** Instead of onRefresh: 刷新看看 closes the sheet and fetches the page's data again with this. */
  reload?: () => void
  /** The words on the stale sheet's way forward (default 刷新看看), e.g. 看看别的商品 going elsewhere. */
  refreshText?: string
  id?: string
}

/** Refusals that trying again will not change: someone else got there first, or the thing moved on. */
const FINAL = ['CONFLICT', 'FORBIDDEN', 'NOT_FOUND']

export function Sheet(given: SheetProps) {
  const { act } = given
  const [missing, setMissing] = useState<string | null>(null)
  const props = {
    ...given,
    error: missing ?? given.error ?? act?.error?.message,
    busy: given.busy ?? act?.busy,
    stale: given.stale ?? (!!act?.error && FINAL.includes(act.error.code)),
    onRefresh:
      given.onRefresh ??
      (given.reload
        ? () => {
            given.onClose()
            given.reload!()
          }
        : undefined),
  }
  const closing = props.stale || !props.onSubmit
  const submit = () => {
    const lacks = given.check?.() ?? null
    setMissing(lacks)
    if (!lacks) props.onSubmit?.()
  }
  return (
    <View className='sheet-mask' onClick={() => !props.busy && props.onClose()}>
      <View className='sheet' id={props.id ?? 'sheet'} onClick={(e) => e.stopPropagation()}>
        <Text className='sheet__title'>{props.title}</Text>
        {props.children}
        {props.error && (
          <Text className='sheet__error' id='sheet-error'>
            {props.error}
          </Text>
        )}
        <View className='btn-row'>
          <Button className='btn' disabled={props.busy} onClick={props.onClose}>
            {props.cancelText ?? (closing ? '关闭' : '再想想')}
          </Button>
          {props.stale && props.onRefresh ? (
            <Button className='btn btn--primary' id='sheet-refresh' onClick={props.onRefresh}>
              {props.refreshText ?? '刷新看看'}
            </Button>
          ) : props.onSubmit ? (
            <Button className='btn btn--primary' id='sheet-submit' loading={props.busy} disabled={props.busy} onClick={submit}>
              {props.submitText ?? '确定'}
            </Button>
          ) : null}
        </View>
      </View>
    </View>
  )
}
