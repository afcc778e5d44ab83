/**
 * 居民说事点 posters: a place where residents raise matters in person has a QR poster whose scene is a random
 * token (scene_tokens, kind `talk_point`, with the place's name; types/council.ts TalkPointToken). Scanning it
 * opens topic submission (TALK_POINT_PAGE) with the token; topic.create resolves it here and fills in the place.
 * A registration scan (party/scenes.ts) refuses this kind, and this module refuses the registration kinds.
 */
import type { TalkPointToken, TalkPointView } from '../../../../../types/council'
import { getById, readAll, type Db } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { PT } from '../party/repo'
import { SCENE_RE } from '../party/rules'

/** The page a 居民说事点's code opens: topic submission (src/routes.ts council.new reads `scene`). */
export const TALK_POINT_PAGE = 'packages/council/pages/new/index'

/** At most this many 居民说事点 per community (the list is read whole). */
export const MAX_TALK_POINTS = 100

/** The community's 居民说事点 whose token this is; NOT_FOUND for a forged or unknown token, another kind, or another community's. */
export async function loadTalkPoint(db: Db, communityId: string, token: string): Promise<TalkPointToken> {
  const found = SCENE_RE.test(token) ? await getById<{ kind: string } & Omit<TalkPointToken, 'kind'>>(db, PT.scenes, token) : null
  if (!found || found.kind !== 'talk_point' || found.communityId !== communityId) throw notFound('这个居民说事点')
  return found as TalkPointToken
}

/** Every 居民说事点 of a community, oldest first (index community_kind_id). */
export async function talkPointsOf(db: Db, communityId: string): Promise<TalkPointToken[]> {
  const points = await readAll<TalkPointToken>(db, PT.scenes, { communityId, kind: 'talk_point' }, MAX_TALK_POINTS)
  return points.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : 1))
}

export const talkPointView = (p: TalkPointToken): TalkPointView => ({ scene: p._id, name: p.name, createdAt: new Date(p.createdAt).toISOString() })
