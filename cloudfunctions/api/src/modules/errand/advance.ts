/**
 * errand.advance — moving an errand on (errandRules.ts ERRAND_STEPS):
 *   accept    — 首问负责: the first staff member to take a submitted errand owns it. A conditional update on the
 *               status and owner read, so of 100 staff racing exactly one owns it; the others get CONFLICT
 *               STATE_CHANGED and nothing changes. The resident is told who took it.
 *   progress  — the owner notes progress (accepted → in progress; again while in progress).
 *   done      — the owner finishes it; the resident (or the building head who entered it for an offline
 *               neighbour) is told by a subscribe message (待办提醒).
 *   handover  — the owner (or the secretary, when the owner is away: audited, in one transaction) hands it to
 *               another staff member of the errand (`toUserId`); recorded in `handovers` and the flow; the new one
 *               owns it, the status stays.
 *   toRequest — the owner turns it into a request of the request area (category help) through request.create's
 *               own logic (staff entry for the resident: only owners who may enter requests — the secretary and
 *               grid workers — may do this; a provider hands it to them), keeping the link both ways
 *               (errand.requestId, request.errandId);
 *               the errand is then done here. A conditional hold (`converting`) keeps a double tap from making two
 *               requests; if the request is refused, the hold is released and nothing else changed.
 * Outcomes: the errand; FORBIDDEN for the wrong person; CONFLICT STATE_CHANGED when it moved meanwhile (or
 * ALREADY_DONE when it already became a request); INVALID_INPUT for a handover to someone who is not staff of
 * it; NOT_FOUND without a relation to it.
 */
import type { User } from '../../../../../types/org'
import { ErrandAdvanceInput, type Errand } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { updateWhere } from '../../platform/db'
import { conflict, invalid } from '../../platform/errors'
import { getUser } from '../org/repo'
import { listName } from '../org/rules'
import { RQ } from '../request/repo'
import {
  ensureStep,
  errandView,
  handOverAudited,
  isErrandStaff,
  loadErrand,
  moveErrand,
  notHeld,
  notifyResident,
  RACE,
  type LoadedErrand,
} from '../service/errands'
import { K } from '../service/repo'

async function toRequest(ctx: UserCtx, loaded: LoadedErrand, note: string | undefined): Promise<Errand> {
  const { errand, community } = loaded
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const hold = { byId: ctx.user._id, at: now }
  const asRead = { _id: errand._id, status: errand.status, ownerId: errand.ownerId, requestId: null }
  if ((await updateWhere(db, K.errands, _.and([asRead, notHeld(_, now)]), { converting: _.set(hold) })) !== 1) throw conflict(RACE, 'STATE_CHANGED')
  const heldNow = { _id: errand._id, 'converting.at': now, 'converting.byId': hold.byId }

  let requestId: string
  try {
    const { default: requestCreate } = await import('../request/create')
    const docs = errand.documents.length ? `\n需携带材料：${errand.documents.join('、')}` : ''
    const self = errand.residentId === ctx.user._id
    const request = await requestCreate.handler(ctx, {
      communityId: community._id,
      category: 'help',
      description: Array.from(`【社区代办转来】${errand.title}\n${errand.description}${docs}${note ? `\n${note}` : ''}`)
        .slice(0, 500)
        .join(''),
      ...(self ? {} : { onBehalfOf: errand.residentId, channel: 'door' as const }),
    })
    requestId = request.id
  } catch (err) {
    await updateWhere(db, K.errands, heldNow, { converting: _.remove() })
    throw err
  }
  // The link back: the request names the errand it came from.
  await updateWhere(db, RQ.requests, { _id: requestId }, { errandId: errand._id })
  return moveErrand(ctx, errand, 'toRequest', ctx.user._id, {
    status: 'done',
    set: { requestId },
    note: note ?? '已转为居民诉求，由责任人接续办理',
    held: hold,
  })
}

async function advance(ctx: UserCtx, input: ActionInput<'errand.advance'>) {
  const loaded = await loadErrand(ctx, input.communityId, input.errandId)
  const { errand, community, service } = loaded
  const me = ctx.user
  ensureStep(input.step, loaded)
  let after: Errand
  switch (input.step) {
    case 'accept':
      after = await moveErrand(ctx, errand, 'accept', me._id, { status: 'accepted', set: { ownerId: me._id }, note: input.note })
      await notifyResident(ctx, after, `${listName(me)}已接办，有问题可以找TA`)
      break
    case 'progress':
      after = await moveErrand(ctx, errand, 'progress', me._id, { status: 'in_progress', note: input.note })
      break
    case 'done':
      after = await moveErrand(ctx, errand, 'done', me._id, { status: 'done', note: input.note })
      await notifyResident(ctx, after, input.note ?? '已办好，请留意社区通知')
      break
    case 'handover': {
      if (!input.toUserId) throw invalid('请选择转交给哪位工作人员')
      if (input.toUserId === errand.ownerId) throw invalid('这件代办已经由TA负责了')
      const to: User | null = await getUser(ctx.db, input.toUserId)
      if (!to || !(await isErrandStaff(ctx.db, to, community, service))) throw invalid('只能转交给社区工作人员或本项服务的工作人员')
      const handover = { fromId: errand.ownerId!, toId: to._id, at: ctx.now(), note: input.note ?? '' }
      after = loaded.relations.has('owner')
        ? await moveErrand(ctx, errand, 'handover', me._id, { set: { ownerId: to._id }, handover, note: input.note })
        : await handOverAudited(ctx, errand, handover, input.note ?? null)
      break
    }
    case 'toRequest':
      after = await toRequest(ctx, loaded, input.note)
      await notifyResident(ctx, after, '已转为居民诉求，会有专人跟进')
      break
  }
  return errandView(ctx.db, after, me, community)
}

export default defineAction({ name: 'errand.advance', input: ErrandAdvanceInput, access: member, writes: true, handler: advance })
