/**
 * Display helpers. Masking here is for the person's own data on 我的; lists arrive masked from the server.
 *
 * Time zone: the client formats times with the device's local getters (getMonth, getDate, getHours …), here
 * and in the areas' shared.ts helpers. That is China time because the phone is in China: residents use the
 * mini-program where they live. The server never relies on its zone (cloud functions run in UTC); every day,
 * month and year boundary there goes through cloudfunctions/api/src/platform/chinaTime.ts (Asia/Shanghai),
 * and dates the client sends as 'YYYY-MM-DD' (a wish's 期望完成日期) are read there as China days.
 */

/** 13812345678 → 138****5678 (already-masked values pass through). */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  if (phone.includes('*')) return phone
  const d = phone.replace(/\s+/g, '')
  if (d.length < 7) return d.replace(/.(?=.{2})/g, '*')
  return `${d.slice(0, 3)}****${d.slice(-4)}`
}

/** The first character (or two) of a name for an avatar placeholder. */
export function initials(name: string | null | undefined): string {
  const n = (name ?? '').trim()
  if (!n) return '邻'
  return /^[\x00-\x7f]/.test(n) ? n.slice(0, 2).toUpperCase() : n.slice(0, 1)
}

/** ISO time → "11月22日 14:05". */
export function shortTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Greeting by time of day. */
export function greeting(now = new Date()): string {
  const h = now.getHours()
  if (h < 6) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
