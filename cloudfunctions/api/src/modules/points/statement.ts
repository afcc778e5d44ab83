/**
 * points.statement — every entry of the caller's account, newest first, cursor-paged (每一笔: when, why,
 * linked to its cause). Outcomes: a page; INVALID_INPUT for a bad cursor.
 */
import type { Page } from '../../../../../types/common'
import { StatementInput, type StatementLine } from '../../../../../types/points'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { entriesPage, lineOf } from './account'
import { accountId } from './policy'

async function statement(ctx: UserCtx, input: ActionInput<'points.statement'>): Promise<Page<StatementLine>> {
  const page = await entriesPage(ctx.db, accountId.person(input.communityId, ctx.user._id), input.cursor, input.limit ?? 20)
  return { items: page.items.map(lineOf), nextCursor: page.nextCursor }
}

export default defineAction({ name: 'points.statement', input: StatementInput, access: member, writes: false, handler: statement })
