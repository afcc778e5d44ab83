/**
 * counters.recount (street admin) — run one registered recount (registry.ts RECOUNTS) now: batches from the
 * given cursor until it ends or a quarter of the function's time is used, answering the drift found (and, with
 * `fix`, fixed) and where to carry on. A run that fixes is audited, and its drift logged in `counter_drift`
 * like the timer's.
 * Outcomes: the recount's view; NOT_FOUND for a name not in the registry; INVALID_INPUT for a cursor that is
 * not one this action gave; FORBIDDEN for anyone but the street admin.
 */
import { CountersRecountInput, type RecountDrift, type RecountView } from '../../../../../types/counters'
import { defineAction, roles, type ActionInput } from '../../platform/action'
import { trace } from '../../platform/audit'
import type { Cursor } from '../../platform/batches'
import type { UserCtx } from '../../platform/context'
import { invalid, notFound } from '../../platform/errors'
import { limits } from '../../platform/limits'
import { logDrift } from './job'
import { RECOUNTS } from './registry'

const MAX_DRIFT_ANSWERED = 200

function parseCursor(s: string | undefined): Cursor {
  if (!s) return null
  try {
    const v = JSON.parse(s) as unknown
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Cursor
  } catch {
    // falls through
  }
  throw invalid('继续核对的位置不正确，请从头开始')
}

async function recount(ctx: UserCtx, input: ActionInput<'counters.recount'>): Promise<RecountView> {
  const run = Object.prototype.hasOwnProperty.call(RECOUNTS, input.name) ? RECOUNTS[input.name] : undefined
  if (!run) throw notFound('这项统计')
  let cursor = parseCursor(input.cursor)
  const started = Date.now()
  const budget = limits.timeoutMs / 4
  const drift: RecountDrift[] = []
  let found = 0
  let fixed = 0
  let batches = 0
  let done = false
  while (!done && Date.now() - started < budget) {
    const batch = await run(ctx, cursor, { fix: input.fix })
    batches++
    found += batch.drift.length
    fixed += batch.drift.filter((d) => d.fixed).length
    drift.push(...batch.drift.slice(0, MAX_DRIFT_ANSWERED - drift.length))
    if (input.fix) await logDrift(ctx, input.name, ctx.user._id, batch.drift)
    done = batch.done
    cursor = batch.done ? null : batch.cursor
  }
  if (fixed)
    await trace(ctx, {
      communityId: input.communityId,
      resource: { type: 'counter', id: input.name, label: input.name },
      after: { found, fixed },
    })
  return { name: input.name, done, cursor: done ? null : JSON.stringify(cursor ?? {}), batches, found, fixed, drift }
}

export default defineAction({ name: 'counters.recount', input: CountersRecountInput, access: roles('street_admin'), writes: true, handler: recount })
