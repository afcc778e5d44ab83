/** A reminder by subscribe message to one person (offline people and failures are skipped: reminders never undo actions). */
import type { User } from '../../../../../types/org'
import { TEMPLATES } from '../../../../../types/templates'
import type { Deps } from '../../platform/context'
import { getById } from '../../platform/db'
import { thing } from '../wish/rules'

export async function notifyUser(deps: Pick<Deps, 'db' | 'openapi'>, userId: string, page: string, what: string, note: string): Promise<void> {
  const user = await getById<User>(deps.db, 'users', userId)
  if (!user || user.offline) return
  await deps.openapi.notify({ touser: user.openid, templateId: TEMPLATES.reminder, page, data: { thing1: { value: thing(what) }, thing2: { value: thing(note) } } })
}
