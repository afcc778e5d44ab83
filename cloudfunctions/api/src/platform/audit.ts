/**
 * The append-only audit log (Decidim traceability): who did what, when, to what, before and after.
 * Nothing updates or deletes these documents. Admin actions and audited reads of personal data call `trace`.
 */
import type { Ctx } from './context'
import { newId } from './db'

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
  const doc: AuditDoc = {
    _id: newId('a'),
    at: ctx.now(),
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
