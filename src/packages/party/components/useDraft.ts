import { useState } from 'react'
import type { Action } from '../../../hooks/useAction'

/**
 * A draft edited in a Sheet before one action (a post, a visit note, a pledge, a reason): open it, check it,
 * submit it. The sheet's error is the check's words, else the server's refusal (the action keeps it:
 * showError 'keep'). The action's onSuccess closes the draft.
 *
 *   const log = useAction((id: string, note: string) => call(…), { onSuccess: () => visit.close(), showError: 'keep' })
 *   const visit = useDraft(log, (v: Visit) => (v.note.trim() ? null : '请写一句走访情况'), (v) => log.run(v.id, v.note.trim()))
 *   {visit.draft && <Sheet title='记录走访' {...visit.sheet}>…</Sheet>}
 */
export function useDraft<D, A extends unknown[], R>(action: Action<A, R>, check: (d: D) => string | null, submit: (d: D) => void) {
  const [draft, setDraft] = useState<D | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const close = () => setDraft(null)
  return {
    draft,
    /** Change the open draft. */
    set: (patch: Partial<D>) => setDraft((d) => (d === null ? d : { ...d, ...patch })),
    open: (d: D) => {
      setProblem(null)
      action.clearError()
      setDraft(d)
    },
    close,
    /** Spread into <Sheet>: busy, the error, submit and close. */
    sheet: {
      busy: action.busy,
      error: problem ?? action.error?.message,
      onClose: close,
      onSubmit: () => {
        if (draft === null) return
        const bad = check(draft)
        setProblem(bad)
        if (!bad) submit(draft)
      },
    },
  }
}
