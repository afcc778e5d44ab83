/**
 * org.audit — a secretary reads their community's audit log, newest first, cursor-paged.
 * Outcome: a page of entries with the actor's masked name.
 */
import { AuditInput, type AuditEntry, type User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { Page } from '../../../../../types/common'
import type { UserCtx } from '../../platform/context'
import { AUDIT, type AuditDoc } from '../../platform/audit'
import { newestFirstPage } from '../../platform/db'
import { C, getMany } from './repo'
import { listName } from './rules'

async function auditList(ctx: UserCtx, input: ActionInput<'org.audit'>): Promise<Page<AuditEntry>> {
  const { db } = ctx
  const { page, nextCursor } = await newestFirstPage<AuditDoc>(db, AUDIT, input.communityId, input.cursor, input.limit ?? 20)
  const actors = await getMany<User>(
    db,
    C.users,
    page.map((d) => d.actorId).filter((x): x is string => !!x),
  )
  return {
    items: page.map((d) => ({
      id: d._id,
      at: new Date(d.at).toISOString(),
      actorName: d.actorId && actors.get(d.actorId) ? listName(actors.get(d.actorId)!) : '系统',
      action: d.action,
      resource: d.resource,
      before: d.before,
      after: d.after,
    })),
    nextCursor,
  }
}

export default defineAction({ name: 'org.audit', input: AuditInput, access: SECRETARY, writes: false, handler: auditList })
