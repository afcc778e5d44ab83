/**
 * Registration QR scenes (双报到): a community's (or a compound's) mini-program code carries a short random
 * token resolved here, never a raw id.
 */
import type { Community, Compound, PartnerUnit } from '../../../../../types/org'
import type { SceneToken, SceneView } from '../../../../../types/party'
import { getById, readAll, type Db } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C } from '../org/repo'
import { PT } from './repo'
import { SCENE_RE } from './rules'

export const REGISTER_PAGE = 'packages/party/pages/register/index'

/**
 * The kinds of scene a registration code carries. scene_tokens also holds other posters' tokens (a 居民说事点's,
 * kind `talk_point`, opens topic submission): scanned here, they must not open registration.
 */
export const REGISTRATION_SCENES: readonly string[] = ['community', 'compound'] satisfies SceneToken['kind'][]

/** What a scanned registration scene means; NOT_FOUND for a forged or unknown one, or one of another kind. */
export async function sceneView(db: Db, token: string): Promise<SceneView> {
  const scene = SCENE_RE.test(token) ? await getById<Omit<SceneToken, 'kind'> & { kind: string }>(db, PT.scenes, token) : null
  if (!scene || !REGISTRATION_SCENES.includes(scene.kind)) throw notFound('这个二维码')
  const [community, compound, units] = await Promise.all([
    getById<Community>(db, C.communities, scene.communityId),
    scene.compoundId ? getById<Compound>(db, C.compounds, scene.compoundId) : null,
    readAll<PartnerUnit>(db, C.partnerUnits, { communityId: scene.communityId }),
  ])
  if (!community) throw notFound('这个二维码')
  return {
    communityId: community._id,
    communityName: community.name,
    compoundId: compound?._id ?? null,
    compoundName: compound?.name ?? null,
    partnerUnits: units.map((u) => ({ id: u._id, name: u.name })),
  }
}
