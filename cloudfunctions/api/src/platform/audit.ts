/**
 * The append-only audit log (Decidim traceability): who did what, when, to what, before and after.
 * Nothing updates or deletes these documents. Admin actions and audited reads of personal data call `trace`.
 */
import type { Ctx } from './context'
import { newId } from './db'

let seq = 0
/** Time-ordered ids: entries sort by `_id` in the order they were written (within one instance). */
function auditId(at: Date): string {
  seq = (seq + 1) % 46656
  return 'a' + at.getTime().toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + newId().slice(0, 8)
}

export const AUDIT = 'audit_log'

export interface AuditDoc {
  _id: string
  at: Date
  communityId: string | null
  actorId: string | null
  action: string
  resource: { type: string; id: string }
  before: unknown
  after: unknown
  requestId: string
}

/** Append one entry. Awaited: an admin action whose trace could not be written reports an error. */
export async function trace(
  ctx: Ctx,
  entry: { communityId: string | null; action?: string; resource: { type: string; id: string }; before?: unknown; after?: unknown },
): Promise<void> {
  const now = ctx.now()
  const doc: AuditDoc = {
    _id: auditId(now),
    at: now,
    communityId: entry.communityId,
    actorId: ctx.user?._id ?? null,
    action: entry.action ?? ctx.action,
    resource: entry.resource,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  }
  await ctx.db.collection(AUDIT).add({ data: doc })
}
