/**
 * party.resolveScene — what a scanned registration code means: the community, the compound if any, and the
 * community's partner units (employers to pick from). Only registration codes (kind community or compound):
 * another poster's token (a 居民说事点's, kind talk_point) is no registration code here.
 * Outcomes: the scene; NOT_FOUND for a forged or unknown scene, or a scene of another kind.
 */
import { ResolveSceneInput } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { sceneView } from './scenes'

const resolveScene = (ctx: UserCtx, input: ActionInput<'party.resolveScene'>) => sceneView(ctx.db, input.scene)

export default defineAction({ name: 'party.resolveScene', input: ResolveSceneInput, access: user, writes: false, handler: resolveScene })
