/**
 * org.subscribed — the client reports the templates the person just accepted in requestSubscribeMessage
 *   (weapp: the ones answered 'accept'; local H5: its simulated accept). A one-time subscription allows one
 *   message per acceptance, so each acceptance adds one to the person's count for that template
 *   (`subscriptions`, one document per person and template, raised with _.inc).
 *   In WeChat the platform keeps the real tally and uses one per message sent; this count is the app's
 *   record of what was accepted. Locally there is no WeChat client, so the WeChat stand-in uses this
 *   record as WeChat's tally: a send takes one, and none left is 43101.
 * Outcome: the counts after this acceptance.
 */
import { SubscribedInput, type Subscription, type SubscribedView } from '../../../../../types/messages'
import { defineAction, user, type ActionInput } from '../../platform/action'
import { TEMPLATES } from '../../../../../types/templates'
import type { UserCtx } from '../../platform/context'
import { ensureDoc, getById } from '../../platform/db'
import { MSG, subscriptionId } from '../messages/repo'

async function subscribed(ctx: UserCtx, input: ActionInput<'org.subscribed'>): Promise<SubscribedView> {
  const { db, user } = ctx
  const _ = db.command
  const now = ctx.now()
  const counts: SubscribedView['counts'] = {}
  for (const template of input.templates) {
    const _id = subscriptionId(user._id, template)
    const base: Subscription = { _id, userId: user._id, openid: user.openid, template, templateId: TEMPLATES[template].id, count: 0, updatedAt: now }
    await ensureDoc(db, MSG.subscriptions, base)
    // The openid and template id are refreshed too: ids change when the template is re-applied for.
    await db
      .collection(MSG.subscriptions)
      .doc(_id)
      .update({ data: { count: _.inc(1), openid: user.openid, templateId: TEMPLATES[template].id, updatedAt: now } })
    counts[template] = (await getById<Subscription>(db, MSG.subscriptions, _id))?.count ?? 1
  }
  return { counts }
}

export default defineAction({ name: 'org.subscribed', input: SubscribedInput, access: user, writes: true, handler: subscribed })
