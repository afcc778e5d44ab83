/**
 * party.registerCode (secretary) — the community's (or one compound's) 双报到 mini-program code: its scene
 * is a short random token (scene_tokens, one per community or compound), resolved on the server.
 * Outcomes: { scene, page, qr }; NOT_FOUND for another community's compound.
 */
import { RegisterCodeInput, type SceneToken } from '../../../../../types/party'
import type { Compound } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany, getById } from '../../platform/db'
import { notFound } from '../../platform/errors'
import { C } from '../org/repo'
import { PT } from './repo'
import { newSceneToken } from './rules'
import { REGISTER_PAGE } from './scenes'

async function registerCode(ctx: UserCtx, input: ActionInput<'party.registerCode'>) {
  const { db } = ctx
  if (input.compoundId) {
    const cp = await getById<Compound>(db, C.compounds, input.compoundId)
    if (!cp || cp.communityId !== input.communityId) throw notFound('小区')
  }
  const kind = input.compoundId ? 'compound' : 'community'
  let [scene] = await findMany<SceneToken>(db, PT.scenes, { communityId: input.communityId, compoundId: input.compoundId ?? null, kind }, { limit: 1 })
  if (!scene) {
    scene = { _id: newSceneToken(), kind, communityId: input.communityId, compoundId: input.compoundId ?? null, createdAt: ctx.now() }
    await db.collection(PT.scenes).add({ data: scene })
  }
  const png = await ctx.openapi.qrCode(scene._id, REGISTER_PAGE)
  return { scene: scene._id, page: REGISTER_PAGE, qr: `data:image/png;base64,${png.toString('base64')}` }
}

export default defineAction({ name: 'party.registerCode', input: RegisterCodeInput, access: SECRETARY, writes: true, handler: registerCode })
