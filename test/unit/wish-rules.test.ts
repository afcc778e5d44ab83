/**
 * The wish module's pure rules (cloudfunctions/api/src/modules/wish/rules.ts): the lifecycle table and who
 * may move a wish, the refusals a person reads, relations, who sees contact details, who may take a wish,
 * when a new wish opens at once, cursors, merging the two "mine" pages, and the figures of wish.stats.
 */
import {
  isOverdue,
  overdueCutoff,
  can,
  isWishCursor,
  median,
  mergeNewestFirst,
  opensAtOnce,
  PUBLIC_STATUSES,
  refusal,
  relationsOf,
  seesContact,
  summarize,
  takesWishes,
  TRANSITIONS,
  type Move_,
  type Relation,
} from '../../cloudfunctions/api/src/modules/wish/rules'
import { newWishId } from '../../cloudfunctions/api/src/modules/wish/repo'
import { WISH_STATUSES, type WishStatus } from '../../types/wish'
import type { RoleGrant } from '../../types/common'

const rel = (...r: Relation[]) => new Set<Relation>(r)
const EVENTS = Object.keys(TRANSITIONS) as Move_[]

describe('the lifecycle table', () => {
  // Every legal move, and who makes it: a change to TRANSITIONS must change this table too.
  test.each<[Move_, WishStatus[], WishStatus, Relation]>([
    ['approve', ['under_review'], 'open', 'secretary'],
    ['reject', ['under_review'], 'rejected', 'secretary'],
    ['claim', ['open'], 'claimed', 'member'],
    ['dispatch', ['open'], 'claimed', 'secretary'],
    ['release', ['claimed'], 'open', 'claimer'],
    ['progress', ['claimed'], 'claimed', 'claimer'],
    ['fulfil', ['claimed'], 'fulfilled', 'claimer'],
    ['confirm', ['fulfilled'], 'closed', 'wisher'],
    ['autoclose', ['fulfilled'], 'closed', 'timer'],
    ['withdraw', ['under_review', 'open', 'claimed'], 'withdrawn', 'wisher'],
    ['convert', ['under_review', 'open'], 'converted', 'secretary'],
  ])('%s: from %j to %s, by the %s only', (event, from, to, by) => {
    expect(TRANSITIONS[event]).toEqual({ from, to, by: [by] })
    for (const status of WISH_STATUSES) {
      expect(can(event, status, rel(by))).toBe(from.includes(status))
      // Every other relation together may not make this move.
      const others = (['wisher', 'claimer', 'member', 'secretary', 'timer'] as Relation[]).filter((r) => r !== by)
      expect(can(event, status, rel(...others))).toBe(false)
    }
  })

  test('the table covers every event but post and remind, which are no status change', () => {
    expect(EVENTS.sort()).toEqual(['approve', 'autoclose', 'claim', 'confirm', 'convert', 'dispatch', 'fulfil', 'progress', 'reject', 'release', 'withdraw'])
  })

  test.each<[WishStatus, Move_[]]>([
    ['rejected', []],
    ['withdrawn', []],
    ['closed', []],
    ['converted', []],
    ['fulfilled', ['confirm', 'autoclose']],
    ['under_review', ['approve', 'reject', 'withdraw', 'convert']],
    ['open', ['claim', 'dispatch', 'withdraw', 'convert']],
  ])('from %s only %j lead anywhere', (status, events) => {
    expect(EVENTS.filter((e) => TRANSITIONS[e].from.includes(status)).sort()).toEqual([...events].sort())
  })

  test.each<[string, Move_, WishStatus, Relation[], boolean]>([
    ['a member claims an open wish', 'claim', 'open', ['member'], true],
    ['nobody claims their own wish, member or not', 'claim', 'open', ['member', 'wisher'], false],
    ['a secretary who is not a member does not claim', 'claim', 'open', ['secretary'], false],
    ['a secretary may dispatch their own wish (the dispatch checks the member)', 'dispatch', 'open', ['secretary', 'wisher'], true],
    ['the claimer fulfils', 'fulfil', 'claimed', ['claimer', 'member'], true],
    ['the wisher confirms only once fulfilled', 'confirm', 'claimed', ['wisher'], false],
    ['the wisher withdraws a claimed wish', 'withdraw', 'claimed', ['wisher'], true],
    ['the wisher may not withdraw once fulfilled', 'withdraw', 'fulfilled', ['wisher'], false],
    ['the timer closes a fulfilled wish', 'autoclose', 'fulfilled', ['timer'], true],
    ['the secretary converts an open wish into a request', 'convert', 'open', ['secretary'], true],
    ['not once a volunteer has claimed it', 'convert', 'claimed', ['secretary'], false],
    ['the wisher does not convert their own wish', 'convert', 'open', ['wisher', 'member'], false],
  ])('%s', (_label, event, status, relations, expected) => {
    expect(can(event, status, rel(...relations))).toBe(expected)
  })

  test('the wall shows the statuses anyone may see, and a move keeps onWall in step with them', () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(['claimed', 'closed', 'fulfilled', 'open'])
    for (const e of EVENTS) expect(WISH_STATUSES).toContain(TRANSITIONS[e].to)
  })
})

describe('refusals: FORBIDDEN for the wrong person, CONFLICT for the wrong state, in words', () => {
  test.each<[Move_, WishStatus, Relation[], 'FORBIDDEN' | 'CONFLICT' | null, string | null]>([
    ['claim', 'open', ['member'], null, null],
    ['claim', 'open', [], 'FORBIDDEN', '党员和志愿者才能认领心愿'],
    ['claim', 'open', ['member', 'wisher'], 'FORBIDDEN', '不能认领自己的心愿'],
    ['claim', 'claimed', ['member'], 'CONFLICT', '这个心愿刚刚被别人认领了'],
    ['claim', 'closed', ['member'], 'CONFLICT', '这个心愿刚刚被别人认领了'],
    ['dispatch', 'claimed', ['secretary'], 'CONFLICT', '这个心愿刚刚被认领了，请刷新'],
    ['release', 'claimed', ['secretary'], 'FORBIDDEN', '只有认领人可以这样做'],
    ['progress', 'claimed', ['wisher'], 'FORBIDDEN', '只有认领人可以这样做'],
    ['fulfil', 'claimed', ['member'], 'FORBIDDEN', '只有认领人可以这样做'],
    ['fulfil', 'fulfilled', ['claimer'], 'CONFLICT', '心愿现在是「已完成待确认」，不能这样做'],
    ['confirm', 'fulfilled', ['claimer'], 'FORBIDDEN', '只有许愿人可以这样做'],
    ['confirm', 'claimed', ['wisher'], 'CONFLICT', '心愿现在是「已认领」，不能这样做'],
    ['confirm', 'closed', ['wisher'], 'CONFLICT', '心愿现在是「已圆梦」，不能这样做'],
    ['withdraw', 'open', ['member'], 'FORBIDDEN', '只有许愿人可以这样做'],
    ['withdraw', 'fulfilled', ['wisher'], 'CONFLICT', '心愿现在是「已完成待确认」，不能这样做'],
    ['approve', 'under_review', ['member'], 'FORBIDDEN', '您没有权限进行此操作'],
    ['approve', 'open', ['secretary'], 'CONFLICT', '心愿现在是「待认领」，不能这样做'],
    ['reject', 'withdrawn', ['secretary'], 'CONFLICT', '心愿现在是「已撤回」，不能这样做'],
  ])('%s a %s wish as %j → %s', (event, status, relations, code, message) => {
    const r = refusal(event, status, rel(...relations))
    expect(r).toEqual(code === null ? null : { code, message })
  })

  test('a refusal exactly when can() says no, for every event, status and relation', () => {
    const all: Relation[] = ['wisher', 'claimer', 'member', 'secretary', 'timer']
    for (const e of EVENTS)
      for (const s of WISH_STATUSES)
        for (const r of all) {
          expect(refusal(e, s, rel(r)) === null).toBe(can(e, s, rel(r)))
        }
  })
})

describe('relations and privacy', () => {
  const wish = { wisherId: 'u-elder', postedById: 'u-head', claimerId: 'u-pm' }
  test.each<[string, { isMember: boolean; isSecretary: boolean }, Relation[]]>([
    ['u-elder', { isMember: false, isSecretary: false }, ['wisher']],
    ['u-head', { isMember: false, isSecretary: false }, ['wisher']], // the building head who posted it for the elder
    ['u-pm', { isMember: true, isSecretary: false }, ['claimer', 'member']],
    ['u-sec', { isMember: false, isSecretary: true }, ['secretary']],
    ['u-other', { isMember: true, isSecretary: false }, ['member']],
    ['u-nobody', { isMember: false, isSecretary: false }, []],
  ])('%s with %j is %j', (userId, facts, expected) => {
    expect([...relationsOf(wish, userId, facts)].sort()).toEqual([...expected].sort())
  })

  test.each<[Relation[], boolean]>([
    [['claimer'], true],
    [['secretary'], true],
    [['wisher'], true],
    [['member'], false],
    [[], false],
  ])("the wisher's contact is seen by %j: %s", (relations, expected) => {
    expect(seesContact(rel(...relations))).toBe(expected)
  })
})

describe('who may be given a wish', () => {
  const g = (communityId: string, role: RoleGrant['role']): RoleGrant => ({ communityId, role })
  test.each<[string, RoleGrant[], boolean]>([
    ['a party member here', [g('c-1', 'party_member')], true],
    ['a volunteer here', [g('c-1', 'volunteer')], true],
    ['a resident only', [g('c-1', 'resident')], false],
    ['a building head only', [g('c-1', 'building_head')], false],
    ['the secretary only', [g('c-1', 'secretary')], false],
    ['a party member of another community', [g('c-9', 'party_member'), g('c-1', 'resident')], false],
    ['nobody', [], false],
  ])('%s: %s', (_label, roles, expected) => {
    expect(takesWishes(roles, 'c-1')).toBe(expected)
  })
})

describe('a new wish opens at once only when nothing needs a look', () => {
  test.each<['pass' | 'review' | 'risky', boolean, number, boolean]>([
    ['pass', true, 0, true],
    ['pass', false, 0, false],
    ['pass', true, 1, false], // photos wait for the secretary: no automated image check yet
    ['review', true, 0, false],
    ['risky', true, 0, false],
  ])('verdict %s, auto-approve %s, %i photos → %s', (verdict, autoApprove, photos, expected) => {
    expect(opensAtOnce(verdict, autoApprove, photos)).toBe(expected)
  })
})

describe('cursors and paging', () => {
  test.each<[string, boolean]>([
    ['w00mf3k2x10123456789ab', true], // w, 9 base-36 time digits, 12 hex
    ['w00mf3k2x10123456789a', false], // one short
    ['w00mf3k2x10123456789abc', false], // one long
    ['W00mf3k2x10123456789ab', false],
    ['w00mf3k2x10123456789aG', false], // not hex
    ['w00MF3K2X10123456789ab', false], // time digits are lower case
    ['nope', false],
    ['', false],
  ])('%j is a cursor: %s', (c, expected) => {
    expect(isWishCursor(c)).toBe(expected)
  })

  test('new wish ids are cursors, and sort by the time they were made', () => {
    const times = [0, 1, 999, 86_400_000, Date.UTC(2026, 0, 1), Date.UTC(2099, 11, 31)]
    const ids = times.map((t) => newWishId(new Date(t)))
    for (const id of ids) expect(isWishCursor(id)).toBe(true)
    expect([...ids].sort()).toEqual(ids)
  })

  const c = (...ids: string[]) => ids.map((id) => ({ id }))
  test.each<[string, { id: string }[], { id: string }[], number, string[], boolean]>([
    ['interleaves newest first', c('w9', 'w5', 'w1'), c('w8', 'w4'), 10, ['w9', 'w8', 'w5', 'w4', 'w1'], false],
    ['cuts at the limit and says there is more', c('w9', 'w5'), c('w8', 'w4'), 3, ['w9', 'w8', 'w5'], true],
    ['a wish on both sides appears once', c('w9', 'w5'), c('w9', 'w4'), 10, ['w9', 'w5', 'w4'], false],
    ['duplicates do not count towards "more"', c('w9', 'w5'), c('w9', 'w5'), 2, ['w9', 'w5'], false],
    ['one side empty', c(), c('w2', 'w1'), 1, ['w2'], true],
    ['both empty', c(), c(), 5, [], false],
  ])('%s', (_label, a, b, limit, ids, more) => {
    const r = mergeNewestFirst(a, b, limit)
    expect(r.items.map((x) => x.id)).toEqual(ids)
    expect(r.more).toBe(more)
  })
})

describe('wish.stats figures', () => {
  test.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %s', (values, expected) => {
    const copy = [...values]
    expect(median(values)).toBe(expected)
    expect(values).toEqual(copy) // sorts a copy, not the caller's array
  })

  const H = 3600_000
  const t0 = new Date(Date.UTC(2026, 2, 1, 0, 0))
  const at = (hours: number) => new Date(t0.getTime() + hours * H)
  const w = (status: WishStatus, claimH: number | null, fulfilH: number | null, stars: number | null, opened = true) => ({
    status,
    openedAt: opened ? t0 : null,
    claimedAt: claimH === null ? null : at(claimH),
    fulfilledAt: fulfilH === null ? null : at(fulfilH),
    rating: stars === null ? null : { stars, note: '', at: at(100) },
  })

  test('counts every status (zeros included), medians to one decimal, ratings and their average', () => {
    const s = summarize(
      [
        w('under_review', null, null, null, false),
        w('open', null, null, null),
        w('claimed', 1.25, null, null),
        w('closed', 2, 10, 5),
        w('closed', 4, 30, 4),
        w('closed', 3, 20, 4),
      ],
      WISH_STATUSES,
    )
    expect(s.posted).toBe(6)
    expect(s.byStatus).toEqual({ under_review: 1, open: 1, claimed: 1, fulfilled: 0, closed: 3, rejected: 0, withdrawn: 0, converted: 0 })
    expect(s.medianHoursToClaim).toBe(2.5) // of 1.25, 2, 3, 4
    expect(s.medianHoursToFulfil).toBe(20)
    expect(s.ratings).toEqual({ count: 3, average: 4.3, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } })
  })

  test('nothing posted: zeros and nulls, no division by zero', () => {
    const s = summarize([], WISH_STATUSES)
    expect(s).toEqual({
      byStatus: Object.fromEntries(WISH_STATUSES.map((x) => [x, 0])),
      posted: 0,
      medianHoursToClaim: null,
      medianHoursToFulfil: null,
      ratings: { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
    })
  })

  test('a wish claimed without ever opening (no openedAt) does not count towards the medians', () => {
    const s = summarize([w('claimed', 5, null, null, false)], WISH_STATUSES)
    expect(s.medianHoursToClaim).toBeNull()
  })
})

describe('overdue: open since before the cutoff, or claimed without progress since before it', () => {
  const now = new Date('2026-12-01T00:00:00Z')
  const cutoff = overdueCutoff(now, 7)
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000)
  test('the cutoff is the overdue days before now', () => expect(cutoff.toISOString()).toBe('2026-11-24T00:00:00.000Z'))
  test.each([
    ['open 8 days', { status: 'open', openedAt: daysAgo(8), lastProgressAt: null }, true],
    ['open 6 days', { status: 'open', openedAt: daysAgo(6), lastProgressAt: null }, false],
    ['open exactly at the cutoff', { status: 'open', openedAt: daysAgo(7), lastProgressAt: null }, false],
    ['open, never opened (under review)', { status: 'open', openedAt: null, lastProgressAt: null }, false],
    ['claimed, no progress for 8 days', { status: 'claimed', openedAt: daysAgo(20), lastProgressAt: daysAgo(8) }, true],
    ['claimed, progress 2 days ago', { status: 'claimed', openedAt: daysAgo(20), lastProgressAt: daysAgo(2) }, false],
    ['fulfilled long ago', { status: 'fulfilled', openedAt: daysAgo(30), lastProgressAt: daysAgo(30) }, false],
    ['closed long ago', { status: 'closed', openedAt: daysAgo(30), lastProgressAt: daysAgo(30) }, false],
  ] as const)('%s → %s', (_name, w, expected) => {
    expect(isOverdue(w as Parameters<typeof isOverdue>[0], cutoff)).toBe(expected)
  })
})
