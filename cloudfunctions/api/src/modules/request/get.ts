/**
 * request.get — one request with its flow, its clock and what the caller may do now (`can`, from the rules
 * table). The reporter's full name and phone only to who handles it and the secretary (views.ts); flagged photos
 * only to the secretary. Open to anyone with a relation to the request — which includes a street department's
 * staff, whose grant is on the street, not the community (so the router admits any user and loadRequest decides).
 * Outcomes: the detail; NOT_FOUND for a request of another community or with no relation to the caller.
 */
import { RequestGetInput } from '../../../../../types/requests'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { loadRequest } from './core'
import { detail } from './views'

async function get(ctx: UserCtx, input: ActionInput<'request.get'>) {
  const { request, relations, settings } = await loadRequest(ctx, input.communityId, input.requestId)
  return detail(ctx.db, request, relations, settings, ctx.now())
}

export default defineAction({ name: 'request.get', input: RequestGetInput, access: user, writes: false, handler: get })
