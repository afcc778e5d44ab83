/**
 * TRANSITIONAL: the old three tables (handlers here, access in permissions.ts, inputs in types/api.ts) for the
 * actions not yet moved to their own file with one declaration (platform/action.ts). Each area's move
 * deletes its lines here and in permissions.ts; when none are left, this file and permissions.ts go.
 */
import type { z } from 'zod'
import type { ActionName, ActionOutput } from '../../../types/api'
import type { Ctx, UserCtx } from './platform/context'
import * as registration from './modules/party/registration'
import * as posts from './modules/party/posts'
import * as pairs from './modules/party/pairs'
import * as activities from './modules/party/activities'
import * as checkin from './modules/party/checkin'
import * as record from './modules/party/record'

import { actionInputs as inputs } from '../../../types/api'
import { permissions, READ_ONLY } from './permissions'
import type { ActionDef } from './platform/action'

type Input<A extends ActionName> = z.output<(typeof inputs)[A]>
/** Actions open to a caller without a profile get Ctx; all others get a UserCtx. */
export type Handler<A extends ActionName> = (ctx: UserCtx, input: Input<A>) => Promise<ActionOutput<A>>

export const handlers: { readonly [A in LegacyAction]?: Handler<A> } = {
  'party.registerCode': registration.registerCode,
  'party.resolveScene': registration.resolveScene,
  'party.register': registration.register,
  'party.myRegistration': registration.myRegistration,
  'party.review': registration.review,
  'party.members': registration.members,
  'party.pledge': registration.pledge,
  'party.pledgeDone': registration.pledgeDone,
  'post.list': posts.list,
  'post.upsert': posts.upsert,
  'post.claim': posts.claim,
  'post.leave': posts.leave,
  'pair.assign': pairs.assign,
  'pair.mine': pairs.mine,
  'pair.list': pairs.list,
  'pair.logVisit': pairs.logVisit,
  'pair.settings': pairs.settings,
  'pair.setSettings': pairs.setSettings,
  'activity.list': activities.list,
  'activity.get': activities.get,
  'activity.upsert': activities.upsert,
  'activity.cancel': activities.cancel,
  'activity.signUp': activities.signUp,
  'activity.withdraw': activities.withdraw,
  'activity.checkinCode': checkin.checkinCode,
  'activity.checkin': checkin.checkin,
  'activity.checkout': checkin.checkout,
  'activity.confirmHours': checkin.confirmHours,
  'party.record': record.record,
  'party.report': record.report,
  'party.coverage': record.coverage,
}

export type LegacyAction = ActionName

/** A declaration assembled from the old tables. */
export function legacy<A extends ActionName>(name: A): Promise<{ default: ActionDef<A> }> {
  const handler = handlers[name]
  if (!handler) throw new Error(`no legacy handler for ${name}`)
  const def = { name, input: inputs[name], access: permissions[name], writes: !READ_ONLY.has(name), handler } as unknown as ActionDef<A>
  return Promise.resolve({ default: def })
}
