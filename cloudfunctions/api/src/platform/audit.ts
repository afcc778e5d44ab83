/**
 * The append-only audit log (Decidim traceability): who did what, when, to what, before and after.
 * Nothing updates or deletes these documents. A change is recorded with recordIn, in the transaction that makes it;
 * an audited read of personal data with trace.
 */
import type { Ctx } from './context'
import { newId, type Tx } from './db'
import type { AuditResourceType } from '../../../../types/vocabulary'

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
  resource: { type: string; id: string; label?: string }
  before: unknown
  after: unknown
  requestId: string
}

export interface AuditInput {
  communityId: string | null
  /** Defaults to the action being run. */
  action?: string
  /**
   * What was acted on. `type` is one of types/vocabulary.ts AUDIT_RESOURCE_LABELS (so the audit page can name
   * it); `label` is what a person calls it: a wish's title, a person's masked name — never an id.
   */
  resource: { type: AuditResourceType; id: string; label?: string }
  before?: unknown
  after?: unknown
}

function auditDoc(ctx: Ctx, entry: AuditInput): AuditDoc {
  const now = ctx.now()
  return {
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
}

/**
 * Record a change inside the transaction that makes it: the entry and the change commit together or not at
 * all, so no crash between them can lose the record (or record a change that did not happen).
 *
 *   await runTx(ctx.db, async (tx) => {
 *     const doc = await txGet<User>(tx, C.users, id)
 *     if (!ok(doc)) throw conflict('…')
 *     await tx.collection(C.users).doc(id).update({ data })
 *     await recordIn(tx, ctx, { communityId, resource: { type: 'user', id }, before, after })
 *   })
 */
export async function recordIn(tx: Tx, ctx: Ctx, entry: AuditInput): Promise<void> {
  await tx.collection(AUDIT).add({ data: auditDoc(ctx, entry) })
}

/**
 * Record something that changes nothing: an audited read of personal data (PIPL: admin reads are logged).
 * Awaited: the read fails if its record cannot be written. A change is recorded with recordIn instead.
 */
export async function trace(ctx: Ctx, entry: AuditInput): Promise<void> {
  await ctx.db.collection(AUDIT).add({ data: auditDoc(ctx, entry) })
}
