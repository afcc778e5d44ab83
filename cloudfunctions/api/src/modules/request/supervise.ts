/**
 * request.supervise — 督办: the street admin presses a late unit of the street. Each of its overdue requests
 * (open, held by the unit, past its deadline now) gets a `supervise` flow entry with the note (no status
 * change; written only if the request is still as read), and the unit's staff get one 待办提醒 naming how
 * many are overdue. Bounded: the SUPERVISE_BATCH most overdue requests (dueAt first, one indexed read on
 * holder_open_due) are marked per call; the notice counts them all (one indexed count).
 * Outcomes: { notified: staff the notice reached, requests: requests marked }; FORBIDDEN for anyone but that
 * street's admin; NOT_FOUND for a unit not of that street; CONFLICT when the unit holds nothing overdue.
 */
import type { Request } from '../../../../../types/requests'
import { RequestSuperviseInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { thing } from '../messages/rules'
import { sendMessage } from '../messages/send'
import { noteRequest, requestPage } from './core'
import { getUnit, RQ, staffOf, totalOf } from './repo'

/** Requests marked per call: the most overdue first (a unit with more is told the full count). */
export const SUPERVISE_BATCH = 100

async function supervise(ctx: UserCtx, input: ActionInput<'request.supervise'>): Promise<{ notified: number; requests: number }> {
  const { db } = ctx
  const _ = db.command
  if (!ctx.user.roles.some((g) => g.role === 'street_admin' && g.communityId === input.streetId)) throw forbidden('只有街道管理员可以督办')
  const unit = await getUnit(db, input.unitId)
  if (!unit || unit.streetId !== input.streetId) throw notFound('这个单位')
  const now = ctx.now()
  const filter = { holderKey: `unit_${unit._id}`, open: true, dueAt: _.lt(now) }
  const [overdue, total] = await Promise.all([
    findMany<Request>(db, RQ.requests, filter, {
      orderBy: [
        ['dueAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: SUPERVISE_BATCH,
    }),
    totalOf(db.collection(RQ.requests).where(filter)),
  ])
  if (!overdue.length) throw conflict(`「${unit.name}」现在没有超时的诉求，无需督办`)

  let marked = 0
  for (let i = 0; i < overdue.length; i += 10) {
    const done = await Promise.all(overdue.slice(i, i + 10).map((r) => noteRequest(ctx, r, 'supervise', ctx.user._id, { note: input.note })))
    marked += done.filter(Boolean).length
  }
  let notified = 0
  for (const staff of await staffOf(db, unit)) {
    const sent = await sendMessage(ctx, {
      communityId: overdue[0].communityId,
      userId: staff._id,
      template: 'reminder',
      page: requestPage(overdue[0]),
      data: { thing1: thing(`街道督办：${total}件诉求已超时`), thing2: thing(input.note) },
    })
    if (sent) notified++
  }
  return { notified, requests: marked }
}

export default defineAction({ name: 'request.supervise', input: RequestSuperviseInput, access: user, writes: true, handler: supervise })
