/**
 * party.members (secretary) — the community's registrations, optionally of one status, paged by _id. Names
 * are masked except on pending ones: the secretary has to recognise who is asking to join.
 * Outcomes: a page of registrations.
 */
import type { Page } from '../../../../../types/common'
import { PartyMembersInput, type Registration, type RegistrationView } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { PT } from './repo'
import { registrationViews } from './views'

async function members(ctx: UserCtx, input: ActionInput<'party.members'>): Promise<Page<RegistrationView>> {
  const _ = ctx.db.command
  const filter: Record<string, unknown> = { communityId: input.communityId }
  if (input.status) filter.status = input.status
  if (input.cursor) filter._id = _.gt(input.cursor)
  const limit = input.limit ?? 20
  const docs = await findMany<Registration>(ctx.db, PT.registrations, filter, { orderBy: [['_id', 'asc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  return {
    items: await registrationViews(ctx.db, page, (r) => r.status !== 'pending', ctx.community ? [ctx.community] : []),
    nextCursor: docs.length > limit ? page[page.length - 1]._id : null,
  }
}

export default defineAction({ name: 'party.members', input: PartyMembersInput, access: SECRETARY, writes: false, handler: members })
