/**
 * org.undelivered — a secretary (or street admin) lists the subscribe messages of their community that WeChat
 *   did not deliver, newest first, cursor-paged: "给王*英的「心愿认领通知」没有送达：对方没有订阅…".
 *   So a refusal is never silent: the secretary can tell the person another way.
 * Outcome: a page of items with the recipient's masked name.
 */
import type { Page } from '../../../../../types/common'
import { UndeliveredInput, type MessageFailure, type UndeliveredItem } from '../../../../../types/messages'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import type { User } from '../../../../../types/org'
import { TEMPLATES } from '../../../../../types/templates'
import type { UserCtx } from '../../platform/context'
import { newestFirstPage } from '../../platform/db'
import { C, getMany } from './repo'
import { listName } from './rules'
import { MSG } from '../messages/repo'

async function undelivered(ctx: UserCtx, input: ActionInput<'org.undelivered'>): Promise<Page<UndeliveredItem>> {
  const { db } = ctx
  const { page, nextCursor } = await newestFirstPage<MessageFailure>(db, MSG.failures, input.communityId, input.cursor, input.limit ?? 20)
  const people = await getMany<User>(
    db,
    C.users,
    page.map((d) => d.userId),
  )
  return {
    items: page.map((d) => {
      const person = people.get(d.userId)
      const recipientName = person ? listName(person) : '**'
      const templateTitle = TEMPLATES[d.template]?.title ?? d.template
      return {
        id: d._id,
        at: new Date(d.at).toISOString(),
        recipientName,
        template: d.template,
        templateTitle,
        errcode: d.errcode,
        reason: d.reason,
        text: `给${recipientName}的「${templateTitle}」没有送达：${d.reason}`,
        page: d.page,
      }
    }),
    nextCursor,
  }
}

export default defineAction({ name: 'org.undelivered', input: UndeliveredInput, access: SECRETARY, writes: false, handler: undelivered })
