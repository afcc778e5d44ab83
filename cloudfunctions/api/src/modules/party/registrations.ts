/**
 * Support for the 双报到 actions: the caller's active registration, and moving away from a community.
 */
import type { Registration } from '../../../../../types/party'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { findMany, runTx, txGet, updateWhere } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { revokeInTx } from '../org/grants'
import { maskName } from '../org/rules'
import { countRegistrationIn, registrationDelta } from './counters'
import { PT } from './repo'

/** The caller's active registration in a community; NOT_FOUND when they have none there. */
export async function myActive(ctx: UserCtx, communityId: string): Promise<Registration> {
  const [r] = await findMany<Registration>(ctx.db, PT.registrations, { activeKey: ctx.user._id, communityId }, { limit: 1 })
  if (!r) throw notFound('您在本社区的报到')
  return r
}

/**
 * A member who registers in another community moves: the old registration is closed (its history stays)
 * and they stop being the old community's party member — the registration's close, the role taken back
 * (org's revokeInTx) and the audit entries are one transaction. Then the posts they held there and their
 * pairs (with the households' sensitive needs) end too. Answers false when the registration was no longer
 * active (someone else closed it first).
 */
export async function moveAway(ctx: UserCtx, active: Registration): Promise<boolean> {
  const { db } = ctx
  const userId = active.userId
  const now = ctx.now()
  const moved = await runTx(db, async (tx) => {
    const current = await txGet<Registration>(tx, PT.registrations, active._id)
    if (!current || current.activeKey !== userId) return false
    await tx
      .collection(PT.registrations)
      .doc(active._id)
      .update({ data: { status: 'closed', activeKey: `closed:${active._id}`, closedAt: now } })
    await countRegistrationIn(db, tx, active.communityId, registrationDelta(current.status, 'closed'))
    await recordIn(tx, ctx, {
      communityId: active.communityId,
      resource: { type: 'party_registration', id: active._id, label: maskName(active.name) },
      before: { status: current.status },
      after: { status: 'closed' },
    })
    await revokeInTx(tx, ctx, userId, { communityId: active.communityId, role: 'party_member' })
    return true
  })
  if (!moved) return false
  const _ = db.command
  await updateWhere(db, PT.pairs, { memberId: userId, communityId: active.communityId, active: true }, { active: false })
  const held = await findMany<{ _id: string }>(db, PT.posts, { communityId: active.communityId, holders: userId }, { limit: 100 })
  for (const post of held) await updateWhere(db, PT.posts, { _id: post._id, holders: userId }, { holders: _.pull(userId), holderCount: _.inc(-1) })
  return true
}
