/**
 * Subscribe-message consent (一次性订阅消息). WeChat shows its consent dialog only from a tap, for at most
 * 3 templates at once, and each 'accept' allows ONE message of that template. So every tap that leads to a
 * message for the person tapping asks for it, and the accepted ones are reported to the function
 * (`org.subscribed`), which keeps the count (locally the WeChat stand-in uses it up, one per message).
 *
 *   async function submit() {
 *     if (!valid) return ...
 *     await askSubscribe(['wishClaimed', 'wishFulfilled'])   // first await of the tap handler
 *     await call('wish.create', ...)
 *   }
 *
 * weapp: Taro.requestSubscribeMessage, then org.subscribed with the templates answered 'accept'.
 * H5 (local mode only, no WeChat): a simulated accept of every template asked, reported the same way, so the
 * local showcase keeps delivering to /dev/outbox.
 * A refusal or an error changes nothing: the action goes ahead.
 */
import Taro from '@tarojs/taro'
import { TEMPLATES, type TemplateName } from '@contract/templates'
import { call } from './api'

/** Each template's id, from the contract itself (types/templates.ts is plain data: no copy to keep in step). */
export const TEMPLATE_IDS = Object.fromEntries(Object.entries(TEMPLATES).map(([name, t]) => [name, t.id])) as Record<TemplateName, string>

/** WeChat's limit per requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_ASK = 3

/** The templates the answer accepted ({ [tmplId]: 'accept' | 'reject' | 'ban' | 'filter', errMsg }). */
export function acceptedIn(names: TemplateName[], answer: Record<string, unknown> | null | undefined): TemplateName[] {
  if (!answer) return []
  return names.filter((n) => answer[TEMPLATE_IDS[n]] === 'accept')
}

/**
 * Ask for one-time consent to `names` (≤ 3, no repeats). Must be the first await of a tap handler: WeChat
 * refuses the dialog anywhere else.
 */
export async function askSubscribe(names: TemplateName[]): Promise<TemplateName[]> {
  const unique = Array.from(new Set(names)).slice(0, MAX_TEMPLATES_PER_ASK)
  if (unique.length === 0) return []
  let accepted: TemplateName[] = []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const answer = await Taro.requestSubscribeMessage({ tmplIds: unique.map((n) => TEMPLATE_IDS[n]) } as Parameters<typeof Taro.requestSubscribeMessage>[0])
      accepted = acceptedIn(unique, answer as unknown as Record<string, unknown>)
    } catch {
      return [] // refused or not supported: carry on
    }
  } else if (process.env.TARO_ENV === 'h5') {
    accepted = unique // local mode: no WeChat to ask, the person "accepts"
  }
  if (accepted.length === 0) return []
  try {
    await call('org.subscribed', { templates: accepted })
  } catch {
    /* the count is the app's record; a lost report costs at most one message, which is then listed as undelivered */
  }
  return accepted
}
