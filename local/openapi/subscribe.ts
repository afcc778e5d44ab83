/**
 * subscribeMessage.send as WeChat checks it: every value against its field type, every key against the
 * template, and the recipient's consent.
 *
 * The value rules are WeChat's 订阅消息参数值内容限制说明, in the official server API page
 * "发送订阅消息 sendMessage" (https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-message-management/subscribe-message/api_sendmessage,
 * section 注意事项; the same table was on the older subscribeMessage.send page):
 *
 *   thing.DATA            20个以内字符                      可汉字、数字、字母或符号组合
 *   number.DATA           32位以内数字                      只能数字，可带小数
 *   letter.DATA           32位以内字母                      只能字母
 *   symbol.DATA           5位以内符号                       只能符号
 *   character_string.DATA 32位以内数字、字母或符号          可数字、字母或符号组合
 *   time.DATA             24小时制时间格式（支持+年月日），支持填时间段，两个时间点之间用“~”连接
 *                         例如 15:01，或 2019年10月1日 15:01
 *   date.DATA             年月日格式（支持+24小时制时间），支持填时间段 例如 2019年10月1日，或 2019年10月1日 15:01
 *   amount.DATA           1个币种符号+10位以内纯数字，可带小数，结尾可带“元”
 *   phone_number.DATA     17位以内，数字、符号               例 +86-0766-66888866
 *   car_number.DATA       8位以内，第一位与最后一位可为汉字，其余为字母或数字   例 粤A8Z888挂
 *   name.DATA             10个以内纯汉字或20个以内纯字母或符号  中文和字母混合按中文名算，10个字内
 *   phrase.DATA           5个以内汉字                       5个以内纯汉字，例如 配送中
 *
 * A value that breaks its rule is errcode 47003 with errmsg "argument invalid! data.<key>.value invalid"
 * ("... is empty" for a missing or empty one), as WeChat answers (quoted in many developer-community
 * threads, e.g. "argument invalid! data.name2.value invalid rid: ..."). No consent → 43101.
 * Dates in the API's own example are also written 2019-12-25 09:42, so both 年月日 and - / separators pass.
 */
import type { FieldType } from '../../types/templates'

const HAN = /\p{Script=Han}/u
const LETTER = /[A-Za-z]/
const DIGIT = /[0-9]/
/** 符号: punctuation, symbols and spaces (ASCII or full-width), nothing that is a letter, digit or 汉字. */
const SYMBOL = /[\p{P}\p{S}\p{Zs}]/u

const chars = (s: string) => Array.from(s)
const all = (s: string, ...classes: RegExp[]) => chars(s).every((c) => classes.some((re) => re.test(c)))
const some = (s: string, re: RegExp) => chars(s).some((c) => re.test(c))

const pad2 = '(\\d{1,2})'
const TIME_RE = new RegExp(`^${pad2}:(\\d{2})(?::(\\d{2}))?$`)
const DATE_RES = [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, /^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/]

function isTime(s: string): boolean {
  const m = TIME_RE.exec(s)
  if (!m) return false
  return Number(m[1]) <= 23 && Number(m[2]) <= 59 && (m[3] === undefined || Number(m[3]) <= 59)
}

function isDate(s: string): boolean {
  for (const re of DATE_RES) {
    const m = re.exec(s)
    if (!m) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (mo < 1 || mo > 12 || d < 1) return false
    return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
  }
  return false
}

/** A date with an optional time, split at the first space (2019年10月1日 15:01, 2019-10-01 15:01). */
function isDateTime(s: string, timeRequired: boolean): boolean {
  const i = s.indexOf(' ')
  if (i < 0) return timeRequired ? false : isDate(s)
  return isDate(s.slice(0, i)) && isTime(s.slice(i + 1).trim())
}

/** 支持填时间段: two points joined by ~. */
function pointOrRange(s: string, point: (p: string) => boolean): boolean {
  const parts = s.split('~')
  if (parts.length > 2) return false
  return parts.every((p) => p.trim().length > 0 && point(p.trim()))
}

/** Does `value` satisfy WeChat's rule for `type`? (Empty values are refused before this.) */
export function fieldValueOk(type: FieldType, value: string): boolean {
  const n = chars(value).length
  switch (type) {
    case 'thing':
      return n <= 20
    case 'name': {
      if (all(value, HAN)) return n <= 10
      // 中文和字母混合按中文名算, 10个字内 — but no symbols or digits with 汉字 (so 王*英 is refused).
      if (some(value, HAN)) return all(value, HAN, LETTER) && n <= 10
      return all(value, LETTER, SYMBOL) && n <= 20
    }
    case 'phrase':
      return n <= 5 && all(value, HAN)
    case 'character_string':
      return n <= 32 && all(value, LETTER, DIGIT, SYMBOL) && !some(value, /\s/)
    case 'number': {
      if (!/^\d+(\.\d+)?$/.test(value)) return false
      return value.replace('.', '').length <= 32
    }
    case 'letter':
      return n <= 32 && /^[A-Za-z]+$/.test(value)
    case 'symbol':
      return n <= 5 && all(value, SYMBOL) && !some(value, /\s/)
    case 'time':
      return pointOrRange(value, (p) => isTime(p) || isDateTime(p, true))
    case 'date':
      return pointOrRange(value, (p) => isDateTime(p, false))
    case 'amount': {
      const m = /^[¥￥$€£](\d+(?:\.\d+)?)元?$/.exec(value)
      return !!m && m[1].replace('.', '').length <= 10
    }
    case 'phone_number':
      return n <= 17 && all(value, DIGIT, SYMBOL) && some(value, DIGIT)
    case 'car_number': {
      const c = chars(value)
      if (c.length < 1 || c.length > 8) return false
      const alnum = (x: string) => /^[A-Za-z0-9]$/.test(x)
      return c.every((x, i) => alnum(x) || ((i === 0 || i === c.length - 1) && HAN.test(x)))
    }
    default:
      return false
  }
}

export type DataProblem = { key: string; errmsg: string }

/**
 * Check a send's `data` against a template's fields: unknown keys, missing or empty values and values that
 * break their field's rule are each a 47003; returns the first problem (WeChat names one field) or null.
 */
export function checkTemplateData(fields: Readonly<Record<string, FieldType>>, data: Record<string, any>): DataProblem | null {
  for (const key of Object.keys(data)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) return { key, errmsg: `argument invalid! data.${key} is not a keyword of the template` }
  }
  for (const [key, type] of Object.entries(fields)) {
    const v = data[key]
    const value = v && typeof v === 'object' ? v.value : undefined
    if (value === undefined || value === null || String(value) === '') return { key, errmsg: `argument invalid! data.${key}.value is empty` }
    if (!fieldValueOk(type, String(value))) return { key, errmsg: `argument invalid! data.${key}.value invalid` }
  }
  return null
}
