/**
 * The party area's pure rules (modules/party/rules.ts), table by table: the rotating QR code and the 6-digit
 * short code (signed, per activity and window, current and previous window only), short-code tries, the
 * check-in window, service hours, reminders by China day, coverage flags.
 */
import {
  checkinToken,
  checkinWindow,
  coverageFlag,
  distanceM,
  parseToken,
  PERIOD_S,
  reminderDue,
  serviceHours,
  SHORT_PERIOD_S,
  SHORT_STALE_WINDOWS,
  SHORT_TRIES,
  SHORT_TRIES_WINDOW_MS,
  shortCode,
  shortCodeAt,
  takeTry,
  triesResetAt,
  verifyShortCode,
  verifyToken,
  SCENE_RE,
  newSceneToken,
} from '../../cloudfunctions/api/src/modules/party/rules'

const SECRET = 'activity-secret-0123456789abcdef'
const OTHER_SECRET = 'another-secret-0123456789abcdef'
const ACT = 'ac0000000001abcdef0123'
const T0 = new Date('2026-11-30T02:00:00.000Z') // 10:00 Shanghai, at a window boundary of both periods
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

describe('the QR check-in code', () => {
  const issued = checkinToken(SECRET, ACT, T0)
  test.each([
    ['the same window', 0, 'ok'],
    ['the end of its window', PERIOD_S - 1, 'ok'],
    ['the next window (previous code still accepted)', PERIOD_S, 'ok'],
    ['the end of the next window', 2 * PERIOD_S - 1, 'ok'],
    ['two windows on', 2 * PERIOD_S, 'expired'],
    ['an hour on', 3600, 'expired'],
    ['a window before it was issued', -PERIOD_S, 'expired'],
  ])('presented at %s: %s', (_label, seconds, verdict) => {
    expect(verifyToken(SECRET, parseToken(issued.token)!, at(seconds as number))).toBe(verdict)
  })

  test.each([
    ['another secret', (t: string) => t, OTHER_SECRET],
    ['another activity named in it', (t: string) => t.replace(ACT, 'ac0000000002abcdef0123'), SECRET],
    ['another window named in it', (t: string) => t.replace(/\.(\d+)\./, (_m, w) => `.${Number(w) + 1}.`), SECRET],
    ['a changed signature', (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A'), SECRET],
  ])('is forged with %s', (_label, change, secret) => {
    const parsed = parseToken(change(issued.token))!
    expect(parsed).not.toBeNull()
    expect(verifyToken(secret, parsed, T0)).toBe('forged')
  })

  test.each([['123456'], [''], ['ac1.2'], [`${ACT}.x.${'A'.repeat(16)}`], [`${ACT}.1.${'A'.repeat(15)}`], [`a b.1.${'A'.repeat(16)}`]])(
    'does not parse %p',
    (t) => {
      expect(parseToken(t)).toBeNull()
    },
  )

  test('expires at the end of its window', () => {
    expect(issued.expiresAt.getTime() - T0.getTime()).toBe(PERIOD_S * 1000)
    expect(checkinToken(SECRET, ACT, at(PERIOD_S - 1)).token).toBe(issued.token)
    expect(checkinToken(SECRET, ACT, at(PERIOD_S)).token).not.toBe(issued.token)
  })
})

describe('the 6-digit short code', () => {
  const { code, expiresAt } = shortCode(SECRET, ACT, T0)

  test('is six digits, stable within its window, new in the next, and expires at the window end', () => {
    expect(code).toMatch(/^\d{6}$/)
    expect(shortCode(SECRET, ACT, at(SHORT_PERIOD_S - 1)).code).toBe(code)
    expect(expiresAt.getTime() - T0.getTime()).toBe(SHORT_PERIOD_S * 1000)
    // Consecutive windows differ almost always; over 50 windows, at most one repeat by chance.
    const codes = Array.from({ length: 50 }, (_, i) => shortCodeAt(SECRET, ACT, 1_000_000 + i))
    expect(new Set(codes).size).toBeGreaterThanOrEqual(49)
    for (const c of codes) expect(c).toMatch(/^\d{6}$/)
  })

  test.each([
    ['in its window', 0, 'ok'],
    ['at the end of the next window (previous accepted)', 2 * SHORT_PERIOD_S - 1, 'ok'],
    ['two windows on', 2 * SHORT_PERIOD_S, 'expired'],
    ['the last stale window', SHORT_STALE_WINDOWS * SHORT_PERIOD_S + SHORT_PERIOD_S - 1, 'expired'],
    ['past the stale windows', (SHORT_STALE_WINDOWS + 1) * SHORT_PERIOD_S, 'wrong'],
    ['a window before it was issued', -SHORT_PERIOD_S, 'wrong'],
  ])('presented %s: %s', (_label, seconds, verdict) => {
    expect(verifyShortCode(SECRET, ACT, code, at(seconds as number))).toBe(verdict)
  })

  test.each([
    ['another activity', () => verifyShortCode(SECRET, 'ac0000000002abcdef0123', code, T0)],
    ['another secret', () => verifyShortCode(OTHER_SECRET, ACT, code, T0)],
    ['one digit changed', () => verifyShortCode(SECRET, ACT, code.slice(0, 5) + String((Number(code[5]) + 1) % 10), T0)],
    ['five digits', () => verifyShortCode(SECRET, ACT, code.slice(0, 5), T0)],
    ['seven digits', () => verifyShortCode(SECRET, ACT, code + '0', T0)],
    ['letters', () => verifyShortCode(SECRET, ACT, 'abcdef', T0)],
  ])('is wrong for %s', (_label, verdict) => {
    expect(verdict()).toBe('wrong')
  })

  test('depends on the activity, the window and the secret', () => {
    expect(shortCodeAt(SECRET, ACT, 7)).toBe(shortCodeAt(SECRET, ACT, 7))
    const variants = [shortCodeAt(SECRET, ACT, 7), shortCodeAt(SECRET, ACT, 8), shortCodeAt(SECRET, 'ac-other', 7), shortCodeAt(OTHER_SECRET, ACT, 7)]
    expect(new Set(variants).size).toBe(4)
  })
})

describe('short-code tries', () => {
  const start = new Date('2026-11-30T02:00:00.000Z')
  const later = (ms: number) => new Date(start.getTime() + ms)
  test.each([
    ['the first try', null, 0, { count: 1, windowStart: start }],
    ['a second try in the window', { windowStart: start, count: 1 }, 60_000, { count: 2, windowStart: start }],
    ['the last allowed try', { windowStart: start, count: SHORT_TRIES - 1 }, 60_000, { count: SHORT_TRIES, windowStart: start }],
    ['one past the limit', { windowStart: start, count: SHORT_TRIES }, 60_000, null],
    ['one past the limit, a moment before the window ends', { windowStart: start, count: SHORT_TRIES }, SHORT_TRIES_WINDOW_MS - 1, null],
    ['after the window: a new one', { windowStart: start, count: SHORT_TRIES }, SHORT_TRIES_WINDOW_MS, { count: 1, windowStart: later(SHORT_TRIES_WINDOW_MS) }],
    ['long after', { windowStart: start, count: 3 }, 24 * 3600_000, { count: 1, windowStart: later(24 * 3600_000) }],
  ])('%s', (_label, prev, ms, next) => {
    expect(takeTry(prev, later(ms as number))).toEqual(next)
  })

  test('exactly SHORT_TRIES in a window, then none until it ends', () => {
    let t = takeTry(null, start)
    let allowed = 1
    for (let i = 1; i < 20 && t; i++) {
      const n = takeTry(t, later(i * 1000))
      if (!n) break
      t = n
      allowed++
    }
    expect(allowed).toBe(SHORT_TRIES)
    expect(triesResetAt(t!).getTime()).toBe(start.getTime() + SHORT_TRIES_WINDOW_MS)
  })

  test('a guesser’s odds stay below 1 in 50,000 per window of tries', () => {
    // Two codes valid at once (current and previous window) against a million.
    expect((SHORT_TRIES * 2) / 1_000_000).toBeLessThanOrEqual(1 / 50_000)
  })
})

describe('the check-in window', () => {
  const a = { startAt: new Date('2026-11-30T02:00:00Z'), endAt: new Date('2026-11-30T04:00:00Z') }
  test.each([
    ['an hour before', '2026-11-30T01:00:00Z', 'early'],
    ['31 minutes before', '2026-11-30T01:29:00Z', 'early'],
    ['30 minutes before', '2026-11-30T01:30:00Z', 'open'],
    ['at the start', '2026-11-30T02:00:00Z', 'open'],
    ['at the end', '2026-11-30T04:00:00Z', 'open'],
    ['a second after the end', '2026-11-30T04:00:01Z', 'over'],
  ])('%s: %s', (_label, now, w) => {
    expect(checkinWindow(a, new Date(now))).toBe(w)
  })
})

describe('service hours', () => {
  const a = { startAt: new Date('2026-11-30T02:00:00Z'), endAt: new Date('2026-11-30T04:00:00Z') }
  test.each([
    ['on time, the whole activity', '02:00', '04:00', 2],
    ['early arrival does not count past the schedule', '01:30', '04:30', 2],
    ['an hour', '02:00', '03:00', 1],
    ['rounded to a quarter hour (52 min → 0.75)', '02:00', '02:52', 0.75],
    ['rounded to a quarter hour (53 min → 1)', '02:00', '02:53', 1],
    ['check-out before check-in counts nothing', '03:00', '02:00', 0],
  ])('%s', (_label, inAt, outAt, hours) => {
    expect(serviceHours(a, new Date(`2026-11-30T${inAt}:00Z`), new Date(`2026-11-30T${outAt}:00Z`))).toBe(hours)
  })
})

describe('reminders by China day', () => {
  // Activity at 09:00 Shanghai on 12-01 (01:00 UTC).
  const startAt = new Date('2026-12-01T01:00:00Z')
  test.each([
    ['two days before', '2026-11-29T02:00:00Z', false],
    ['the day before, 07:59 Shanghai', '2026-11-29T23:59:00Z', false],
    ['the day before, 08:00 Shanghai', '2026-11-30T00:00:00Z', true],
    ['the day before, 23:59 Shanghai', '2026-11-30T15:59:00Z', true],
    ['the day itself, 00:30 Shanghai', '2026-11-30T16:30:00Z', true],
    ['once it has started', '2026-12-01T01:00:00Z', false],
  ])('%s: %s', (_label, now, due) => {
    expect(reminderDue(startAt, new Date(now))).toBe(due)
  })
})

describe('coverage flags', () => {
  test.each([
    [0, 10, 'empty'],
    [0, 0, 'empty'],
    [4.9, 10, 'low'],
    [5, 10, 'ok'],
    [20, 10, 'ok'],
    [20.1, 10, 'crowded'],
    [3, 0, 'ok'],
  ])('%p per hundred against a median of %p: %s', (per, median, flag) => {
    expect(coverageFlag(per, median)).toBe(flag)
  })
})

describe('scene tokens and distance', () => {
  test('scene tokens are 10 unambiguous characters a WeChat scene allows', () => {
    for (let i = 0; i < 50; i++) {
      const t = newSceneToken()
      expect(t).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{10}$/)
      expect(SCENE_RE.test(t)).toBe(true)
    }
    expect(SCENE_RE.test('a'.repeat(33))).toBe(false)
  })
  test.each([
    [{ lat: 30.5, lng: 114.3 }, { lat: 30.5, lng: 114.3 }, 0, 0.001],
    [{ lat: 30.5, lng: 114.3 }, { lat: 30.501, lng: 114.3 }, 111, 1],
    [{ lat: 0, lng: 0 }, { lat: 0, lng: 1 }, 111195, 50],
  ])('distance %#', (a, b, metres, within) => {
    expect(Math.abs(distanceM(a, b) - metres)).toBeLessThanOrEqual(within)
  })
})
