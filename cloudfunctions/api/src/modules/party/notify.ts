/**
 * A reminder by subscribe message to one person (the 待办提醒 template). Offline people are skipped; a send
 * WeChat refuses is recorded for the secretary (modules/messages/send.ts): reminders never undo actions.
 */
import type { Deps } from '../../platform/context'
import { sendMessage } from '../messages/send'
import { thing } from '../messages/rules'

export async function notifyUser(
  deps: Pick<Deps, 'db' | 'openapi' | 'now'>,
  communityId: string,
  userId: string,
  page: string,
  what: string,
  note: string,
): Promise<void> {
  await sendMessage(deps, { communityId, userId, template: 'reminder', page, data: { thing1: thing(what), thing2: thing(note) } })
}
