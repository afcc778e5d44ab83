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
  return /^[\x00-\x7f]/.test(n) ? n.slice(0, 2).toUpperCase() : n.slice(0, 1)
}
