/**
 * Pure rules of subscribe messages: values shaped the way WeChat's field types allow them
 * (see local/openapi/subscribe.ts for the rules and their source), and the Chinese words for why a message
 * was not delivered.
 */
import { inChina } from '../../platform/chinaTime'

/** `thing`: at most 20 characters of any kind (longer text is cut, with an ellipsis). */
export const thing = (s: string) => (Array.from(s).length > 20 ? Array.from(s).slice(0, 19).join('') + '…' : s)

/** `time` / `date`: China time, 24-hour, e.g. 2026年11月22日 14:05 (cloud functions run in UTC). */
export const timeValue = (d: Date | string) => inChina(d).format('YYYY年M月D日 HH:mm')

/** Short China time inside a `thing`, e.g. 11月22日 14:05. */
export const shortChinaTime = (d: Date | string) => inChina(d).format('M月D日 HH:mm')

/**
 * `phrase`: at most 5 Chinese characters only, so stars are words, never 5星好评 (digits). The same words as
 * the stars on the confirm sheet (src/packages/wish/pages/detail STAR_WORDS).
 */
export function starsPhrase(stars: number): string {
  if (stars >= 5) return '非常满意'
  if (stars === 4) return '很满意'
  if (stars === 3) return '还不错'
  if (stars === 2) return '一般'
  return '不太满意'
}

/** subscribeMessage.send errcodes (official list) in words a secretary understands. */
const REASONS: Record<number, string> = {
  43101: '对方没有订阅这类消息，或订阅次数已用完',
  47003: '消息内容不符合模板要求',
  40003: '对方的微信身份无效',
  40037: '消息模板不存在，请检查模板设置',
  41030: '消息要打开的页面不存在',
  [-604101]: '云函数没有发送订阅消息的权限',
}

export function reasonFor(errcode: number): string {
  return REASONS[errcode] ?? `微信没有送达（错误码 ${errcode}）`
}
