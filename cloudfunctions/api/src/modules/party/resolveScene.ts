/**
 * party.resolveScene — what a scanned registration code means: the community, the compound if any, and the
 * community's partner units (employers to pick from).
 * Outcomes: the scene; NOT_FOUND for a forged or unknown scene.
 */
import { ResolveSceneInput } from '../../../../../types/party'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { sceneView } from './scenes'

const resolveScene = (ctx: UserCtx, input: ActionInput<'party.resolveScene'>) => sceneView(ctx.db, input.scene)

export default defineAction({ name: 'party.resolveScene', input: ResolveSceneInput, access: user, writes: false, handler: resolveScene })
