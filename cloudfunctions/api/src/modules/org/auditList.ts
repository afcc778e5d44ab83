/**
 * org.audit — a secretary reads their community's audit log, newest first, cursor-paged.
 * Outcome: a page of entries with the actor's masked name.
 */
import type { z } from 'zod'
import type { AuditEntry, AuditInput, User } from '../../../../../types/org'
import type { Page } from '../../../../../types/common'
import type { UserCtx } from '../../platform/context'
import { AUDIT, type AuditDoc } from '../../platform/audit'
import { findMany } from '../../platform/db'
import { invalid } from '../../platform/errors'
import { C, getMany } from './repo'
import { listName } from './rules'

/** Cursor: the last entry's time and id, so entries written in the same millisecond are neither lost nor repeated. */
const encode = (d: AuditDoc) => `${new Date(d.at).getTime()}_${d._id}`
function decode(cursor: string): { at: Date; id: string } {
  const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor)
  if (!m) throw invalid('翻页参数不正确，请刷新后重试')
  return { at: new Date(Number(m[1])), id: m[2] }
}

export async function auditList(ctx: UserCtx, input: z.output<typeof AuditInput>): Promise<Page<AuditEntry>> {
  const { db } = ctx
  const _ = db.command
  const limit = input.limit ?? 20
  let filter: object = { communityId: input.communityId }
  if (input.cursor) {
    const c = decode(input.cursor)
    filter = _.and([{ communityId: input.communityId }, _.or([{ at: _.lt(c.at) }, { at: c.at, _id: _.lt(c.id) }])])
  }
  const docs = await findMany<AuditDoc>(db, AUDIT, filter, { orderBy: [['at', 'desc'], ['_id', 'desc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  const actors = await getMany<User>(db, C.users, page.map((d) => d.actorId).filter((x): x is string => !!x))
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
    nextCursor: docs.length > limit ? encode(page[page.length - 1]) : null,
  }
}
