/**
 * Pure rules of the party module: scene tokens, the rotating check-in codes (QR and 6 digits), short-code tries, service hours, distance,
 * activity reminders, and coverage flags. No I/O.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto'
import { addDays, chinaDay, chinaDayStart, chinaHour } from '../../platform/chinaTime'

/** Characters WeChat allows in a mini-program code's scene; our tokens use the unambiguous alphanumerics. */
export const SCENE_RE = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** A random scene token (10 chars ≈ 57 bits): unguessable, so a forged scene resolves to nothing. */
export function newSceneToken(): string {
  const bytes = randomBytes(10)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** The check-in code rotates every PERIOD seconds; the previous code stays valid for one more period. */
export const PERIOD_S = 30

const sign = (secret: string, activityId: string, window: number) =>
  createHmac('sha256', secret).update(`${activityId}.${window}`).digest('base64url').slice(0, 16)

/** `<activityId>.<window>.<signature>`: forwarding a screenshot stops working within a minute. */
export function checkinToken(secret: string, activityId: string, now: Date): { token: string; expiresAt: Date } {
  const window = Math.floor(now.getTime() / 1000 / PERIOD_S)
  return { token: `${activityId}.${window}.${sign(secret, activityId, window)}`, expiresAt: new Date((window + 1) * PERIOD_S * 1000) }
}

export function parseToken(token: string): { activityId: string; window: number; signature: string } | null {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token)
  return m ? { activityId: m[1], window: Number(m[2]), signature: m[3] } : null
}

export type TokenVerdict = 'ok' | 'expired' | 'forged'
export function verifyToken(secret: string, parsed: { activityId: string; window: number; signature: string }, now: Date): TokenVerdict {
  const expected = Buffer.from(sign(secret, parsed.activityId, parsed.window))
  const given = Buffer.from(parsed.signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  const current = Math.floor(now.getTime() / 1000 / PERIOD_S)
  return parsed.window === current || parsed.window === current - 1 ? 'ok' : 'expired'
}

/**
 * The short code: 6 digits a member can type, or an organiser read aloud, where no camera scans the QR. As
 * signed as the QR (an HMAC with the activity's secret over its id and the time window, RFC 4226 truncation),
 * per activity and window; it rotates every SHORT_PERIOD_S (slower than the QR: it has to be read out and
 * typed) and the previous one stays valid one more period. A million codes against SHORT_TRIES tries per
 * person and activity every SHORT_TRIES_WINDOW_MS: a guesser's odds are 1 in 100,000 per ten minutes.
 */
export const SHORT_PERIOD_S = 60
export const SHORT_CODE_RE = /^\d{6}$/
/** Codes up to this many windows old are answered "expired" (CODE_EXPIRED) rather than "wrong". */
export const SHORT_STALE_WINDOWS = 10

const shortWindowOf = (now: Date) => Math.floor(now.getTime() / 1000 / SHORT_PERIOD_S)

export function shortCodeAt(secret: string, activityId: string, window: number): string {
  const mac = createHmac('sha256', secret).update(`short.${activityId}.${window}`).digest()
  const off = mac[mac.length - 1] & 0xf
  const n = (((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3]) % 1_000_000
  return String(n).padStart(6, '0')
}

export function shortCode(secret: string, activityId: string, now: Date): { code: string; expiresAt: Date } {
  const window = shortWindowOf(now)
  return { code: shortCodeAt(secret, activityId, window), expiresAt: new Date((window + 1) * SHORT_PERIOD_S * 1000) }
}

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** ok: this window's or the previous one's; expired: one of the SHORT_STALE_WINDOWS before; wrong: anything else. */
export function verifyShortCode(secret: string, activityId: string, code: string, now: Date): 'ok' | 'expired' | 'wrong' {
  if (!SHORT_CODE_RE.test(code)) return 'wrong'
  const current = shortWindowOf(now)
  if (sameCode(shortCodeAt(secret, activityId, current), code) || sameCode(shortCodeAt(secret, activityId, current - 1), code)) return 'ok'
  for (let w = current - 2; w >= current - SHORT_STALE_WINDOWS; w--) if (sameCode(shortCodeAt(secret, activityId, w), code)) return 'expired'
  return 'wrong'
}

/** Short-code tries per person and activity: at most SHORT_TRIES in a window of SHORT_TRIES_WINDOW_MS from the first. */
export const SHORT_TRIES = 5
export const SHORT_TRIES_WINDOW_MS = 10 * 60_000
export interface Tries {
  windowStart: Date
  count: number
}

/** The counter after one more try at `now`, or null when the tries of the current window are used up. */
export function takeTry(prev: Tries | null, now: Date): Tries | null {
  if (!prev || now.getTime() - new Date(prev.windowStart).getTime() >= SHORT_TRIES_WINDOW_MS) return { windowStart: now, count: 1 }
  if (prev.count >= SHORT_TRIES) return null
  return { windowStart: new Date(prev.windowStart), count: prev.count + 1 }
}

/** When a person whose tries are used up may try again. */
export const triesResetAt = (t: Tries): Date => new Date(new Date(t.windowStart).getTime() + SHORT_TRIES_WINDOW_MS)

/** Check-in opens 30 minutes before the start and closes at the end. */
export const CHECKIN_OPENS_MIN = 30
export function checkinWindow(a: { startAt: Date; endAt: Date }, now: Date): 'early' | 'open' | 'over' {
  const t = now.getTime()
  if (t < new Date(a.startAt).getTime() - CHECKIN_OPENS_MIN * 60_000) return 'early'
  if (t > new Date(a.endAt).getTime()) return 'over'
  return 'open'
}

/** Day-before reminders go out from this hour (Shanghai) on: nobody is woken at midnight for tomorrow. */
export const REMIND_FROM_HOUR = 8

/**
 * Whether the people signed up to an activity starting at `startAt` are due their reminder at `now`, by
 * China calendar days: on the day before the activity's day, from REMIND_FROM_HOUR; on the day itself, at
 * once (signed up, or published, after the day-before reminders went out); never once it has started.
 */
export function reminderDue(startAt: Date, now: Date): boolean {
  if (new Date(startAt) <= now) return false
  const today = chinaDay(now)
  const day = chinaDay(new Date(startAt))
  if (day === today) return true
  return day === addDays(today, 1) && chinaHour(now) >= REMIND_FROM_HOUR
}

/** Activities starting before this instant may be due a reminder at `now`: 00:00 Shanghai the day after tomorrow. */
export const remindHorizon = (now: Date): Date => chinaDayStart(addDays(chinaDay(now), 2))

/** Check-out may come until 2 hours after the end. */
export const CHECKOUT_GRACE_MIN = 120

/** Hours served: check-out minus check-in, capped at the scheduled length, in quarter hours. */
export function serviceHours(a: { startAt: Date; endAt: Date }, checkinAt: Date, checkoutAt: Date): number {
  const scheduled = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 3600_000
  const served = Math.max(0, (new Date(checkoutAt).getTime() - new Date(checkinAt).getTime()) / 3600_000)
  return Math.round(Math.min(served, scheduled) * 4) / 4
}

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371000
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}

/** Members per 100 households against the street's median: none, under half, over double. */
export function coverageFlag(perHundred: number, median: number): 'empty' | 'low' | 'ok' | 'crowded' {
  if (perHundred === 0) return 'empty'
  if (median > 0 && perHundred < median / 2) return 'low'
  if (median > 0 && perHundred > median * 2) return 'crowded'
  return 'ok'
}

/** Households per member (1+N 结对) until the community sets its own: at least 5, at most 15. */
export const DEFAULT_PAIRS = { minPerMember: 5, maxPerMember: 15 } as const
