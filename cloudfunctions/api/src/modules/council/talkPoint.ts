/**
 * council.talkPoint (secretary) — a 居民说事点's QR poster, to print and put up where residents raise matters
 * in person (3号楼下, a compound's gate). Its scene is a short random token (scene_tokens, kind talk_point,
 * with the place's name; council/posters.ts); scanning it opens topic submission, which fills in the place.
 *   name only   — a new point; a point of this community with the same name is the same point (a second tap
 *                 prints the same poster, never a second token);
 *   tokenId     — an existing point's poster again; a different name renames it (topics already raised there
 *                 keep the name they were raised under).
 * A new point and a rename are audited (resource talk_point, the name before and after) in the transaction
 * that writes them; printing a poster again changes nothing. The name passes the content check (it is shown
 * on every topic raised there).
 * Outcomes: { scene, page, qr, name, createdAt }; NOT_FOUND for an unknown community, or a token that is not
 * one of this community's points; INVALID_INPUT for unsuitable words; CONFLICT for a rename to another point's
 * name, or past MAX_TALK_POINTS.
 */
import { CouncilTalkPointInput, type TalkPointPoster, type TalkPointToken } from '../../../../../types/council'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { conflict, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { PT } from '../party/repo'
import { newSceneToken } from '../party/rules'
import { loadTalkPoint, MAX_TALK_POINTS, TALK_POINT_PAGE, talkPointsOf, talkPointView } from './posters'

const resource = (p: Pick<TalkPointToken, '_id' | 'name'>) => ({ type: 'talk_point' as const, id: p._id, label: p.name })

async function talkPoint(ctx: UserCtx, input: ActionInput<'council.talkPoint'>): Promise<TalkPointPoster> {
  const { db } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const [existing, points] = await Promise.all([
    input.tokenId ? loadTalkPoint(db, community._id, input.tokenId) : Promise.resolve(null),
    talkPointsOf(db, community._id),
  ])
  const named = points.find((p) => p.name === input.name) ?? null
  let point: TalkPointToken | null = existing ?? named
  const changing = !point || point.name !== input.name
  if (changing) {
    if (existing && named && named._id !== existing._id) throw conflict(`已经有“${input.name}”这个居民说事点了，请换个名字`)
    if (!existing && points.length >= MAX_TALK_POINTS) throw conflict(`一个社区最多 ${MAX_TALK_POINTS} 个居民说事点`)
    if ((await ctx.openapi.checkText(ctx.openid, input.name, 3)) !== 'pass') throw invalid('名称含有不适宜的信息，请修改')
  }

  const now = ctx.now()
  if (existing && changing) {
    await runTx(db, async (tx) => {
      const current = await txGet<TalkPointToken>(tx, PT.scenes, existing._id)
      if (!current) throw notFound('这个居民说事点')
      await tx
        .collection(PT.scenes)
        .doc(existing._id)
        .update({ data: { name: input.name, updatedAt: now } })
      await recordIn(tx, ctx, { communityId: community._id, resource: resource(existing), before: { name: current.name }, after: { name: input.name } })
    })
    point = { ...existing, name: input.name, updatedAt: now }
  } else if (!point) {
    const made: TalkPointToken = {
      _id: newSceneToken(),
      kind: 'talk_point',
      communityId: community._id,
      compoundId: null,
      name: input.name,
      createdAt: now,
      byId: ctx.user._id,
      updatedAt: now,
    }
    await runTx(db, async (tx) => {
      await tx.collection(PT.scenes).add({ data: made })
      await recordIn(tx, ctx, { communityId: community._id, resource: resource(made), after: { name: made.name } })
    })
    point = made
  }

  const png = await ctx.openapi.qrCode(point._id, TALK_POINT_PAGE)
  return { ...talkPointView(point), page: TALK_POINT_PAGE, qr: `data:image/png;base64,${png.toString('base64')}` }
}

export default defineAction({ name: 'council.talkPoint', input: CouncilTalkPointInput, access: SECRETARY, writes: true, handler: talkPoint })
