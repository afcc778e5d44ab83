/**
 * Display helpers. Masking here is for the person's own data on 我的; lists arrive masked from the server.
 * Dates and times: src/services/time.ts (China time through dayjs, whatever the device's zone).
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
  return n.charCodeAt(0) < 0x80 ? n.slice(0, 2).toUpperCase() : n.slice(0, 1)
}

/**
 * Greeting by the hour of day in China (UTC+8, as in src/services/time.ts). Plain arithmetic rather than
 * time.ts, so 首页 (main package) does not pull dayjs into the main package.
 */
export function greeting(now: number | Date = Date.now()): string {
  const h = (new Date(now).getUTCHours() + 8) % 24
  if (h < 6) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
