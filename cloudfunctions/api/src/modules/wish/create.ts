/**
 * wish.create — a resident posts a wish, or a building head posts it for a resident they act for
 * (recorded as such). The text passes the content check before anyone else sees it: `risky` is refused,
 * `review` is held for the secretary; wishes with photos also wait for the secretary (no automated image
 * check yet); otherwise the community's auto-approval decides between open and under review.
 * Outcomes: the new wish's detail; INVALID_INPUT for refused content, an unknown category, building or
 * date; FORBIDDEN for posting for someone one does not act for. Nothing is written on failure.
 */
import type { Building, User } from '../../../../../types/org'
import { WishCreateInput, type Wish } from '../../../../../types/wish'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, runTx } from '../../platform/db'
import { forbidden, invalid } from '../../platform/errors'
import { C } from '../org/repo'
import { actsFor } from '../org/rules'
import { countMove } from './counters'
import { detail } from './views'
import { newWishId, settingsOf, W } from './repo'
import { opensAtOnce, relationsOf } from './rules'
import { chinaDayEnd, isChinaDay } from '../../platform/chinaTime'

async function create(ctx: UserCtx, input: ActionInput<'wish.create'>) {
  const { db, user } = ctx
  const [settings, building] = await Promise.all([settingsOf(db, input.communityId), getById<Building>(db, C.buildings, input.buildingId)])
  if (!settings.categories.includes(input.category)) throw invalid(`请从这些类别中选择：${settings.categories.join('、')}`)
  if (!building || building.communityId !== input.communityId) throw invalid('请选择本社区的楼栋')

  let wisherId = user._id
  if (input.onBehalfOf) {
    const resident = await getById<User>(db, C.users, input.onBehalfOf)
    // Named as proxy, the resident's household verified and in the building head's appointed buildings.
    if (!resident || !actsFor(user, resident, input.communityId)) throw forbidden('只能为您代办的居民发布心愿')
    wisherId = resident._id
  }
  const now = ctx.now()
  let wishedBy: Date | null = null
  if (input.wishedBy) {
    // The wished-by day is a China day: the wish is due by its last second in Shanghai.
    if (!isChinaDay(input.wishedBy)) throw invalid('日期格式应为 2026-12-01')
    wishedBy = chinaDayEnd(input.wishedBy)
    if (wishedBy < now) throw invalid('期望完成日期应在今天之后')
  }
  const verdict = await ctx.openapi.checkText(ctx.openid, `${input.title}\n${input.description}`, 2)
  if (verdict === 'risky') throw invalid('心愿内容含有不适宜的信息，请修改后再发布')
  const photos = input.photos ?? []
  const open = opensAtOnce(verdict, settings.autoApprove, photos.length)
  const wish: Wish = {
    _id: newWishId(now),
    communityId: input.communityId,
    compoundId: building.compoundId,
    buildingId: building._id,
    title: input.title,
    description: input.description,
    category: input.category,
    photos,
    wishedBy,
    wisherId,
    postedById: user._id,
    onBehalf: wisherId !== user._id,
    status: open ? 'open' : 'under_review',
    onWall: open,
    claimerId: null,
    claimVia: null,
    lastProgressAt: null,
    proof: null,
    rating: null,
    rejectReason: null,
    pointsPending: false,
    history: [
      {
        at: now,
        event: 'post',
        byId: user._id,
        from: null,
        to: open ? 'open' : 'under_review',
        note: wisherId !== user._id ? '楼栋长代为发布' : verdict === 'review' ? '内容需社区审核' : null,
      },
    ],
    createdAt: now,
    openedAt: open ? now : null,
    claimedAt: null,
    fulfilledAt: null,
    closedAt: null,
    remindedAt: null,
    updatedAt: now,
  }
  // The wish and its counter shard together (counters.ts), so wish.stats never misses or doubles one.
  await runTx(db, async (tx) => {
    await tx.collection(W.wishes).add({ data: wish })
    await countMove(tx, db.command, null, wish)
  })
  return detail(db, wish, user._id, relationsOf(wish, user._id, { isMember: false, isSecretary: false }))
}

export default defineAction({ name: 'wish.create', input: WishCreateInput, access: member, writes: true, handler: create })
