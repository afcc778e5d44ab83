/**
 * The council's pure rules (cloudfunctions/api/src/modules/council/rules.ts): the topic lifecycle table and
 * who may take each step, the refusals a person reads, where a restore leads, who is in a council's scope
 * (verified data only: households, permits with their expiry day, verified birth years), as which identity a
 * person votes, how a tally decides, and when 办成了吗 reopens a topic.
 */
import {
  BEFORE_VOTE,
  canMove,
  decide,
  destination,
  HIDEABLE,
  inScope,
  isCommentCursor,
  isTopicCursor,
  moveRefusal,
  PUBLIC_STATUSES,
  reopens,
  topicRelations,
  TOPIC_TRANSITIONS,
  voterStanding,
  type EligibilityFacts,
  type TopicMove,
  type TopicRelation,
} from '../../cloudfunctions/api/src/modules/council/rules'
import { newCommentId, newTopicId } from '../../cloudfunctions/api/src/modules/council/repo'
import { TOPIC_STATUSES, TOPIC_STATUS_LABELS } from '../../types/vocabulary'
import type { Council, CouncilSettings, SeatKind, TopicStatus } from '../../types/council'
import { DEFAULT_SETTINGS } from '../../cloudfunctions/api/src/modules/council/rules'

const rel = (...r: TopicRelation[]) => new Set<TopicRelation>(r)
const ALL_RELATIONS: TopicRelation[] = [
  'author',
  'resident',
  'secretary',
  'seat:party_branch',
  'seat:owners_committee',
  'seat:representative',
  'seat:observer',
  'timer',
]
const EVENTS = Object.keys(TOPIC_TRANSITIONS) as TopicMove[]
const topic = (status: TopicStatus, supports = 0, outcome: 'passed' | 'rejected' | null = null) => ({ status, supports, outcome })

describe('the topic lifecycle table', () => {
  // Every legal move and who makes it: a change to TOPIC_TRANSITIONS must change this table too.
  test.each<[TopicMove, TopicStatus[], TopicStatus | 'back', TopicRelation[]]>([
    ['approve', ['draft'], 'collecting', ['secretary']],
    ['threshold', ['collecting'], 'review', ['resident', 'secretary', 'timer']],
    ['review', ['review'], 'discussion', ['secretary', 'seat:party_branch']],
    ['discuss', ['discussion'], 'opinions', ['secretary', 'seat:owners_committee']],
    ['openVote', ['opinions'], 'voting', ['secretary']],
    ['close', ['voting'], 'decided', ['secretary', 'timer']],
    ['milestone', ['decided', 'implementing'], 'implementing', ['secretary']],
    ['finish', ['implementing', 'decided'], 'done', ['secretary']],
    ['reopen', ['done'], 'implementing', ['resident', 'timer']],
    ['withdraw', ['draft', 'collecting'], 'withdrawn', ['author']],
    ['merge', ['collecting', 'review', 'discussion', 'opinions'], 'merged', ['secretary']],
    ['retire', ['draft', 'collecting', 'review', 'discussion', 'opinions', 'hidden'], 'retired', ['secretary']],
    ['hide', ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done'], 'hidden', ['resident', 'secretary']],
    ['restore', ['hidden'], 'back', ['secretary']],
  ])('%s: from %j to %s, by %j only', (event, from, to, by) => {
    expect(TOPIC_TRANSITIONS[event].to).toBe(to)
    expect([...TOPIC_TRANSITIONS[event].from].sort()).toEqual([...from].sort())
    expect([...TOPIC_TRANSITIONS[event].by].sort()).toEqual([...by].sort())
    const others = ALL_RELATIONS.filter((r) => !by.includes(r))
    for (const status of TOPIC_STATUSES) {
      // Allowed exactly from its statuses (a passed decision where that matters), by each of its relations …
      const t = topic(status, 0, 'passed')
      for (const r of by) expect(canMove(event, t, rel(r))).toBe(from.includes(status))
      // … and never by all the other relations together.
      expect(canMove(event, t, rel(...others))).toBe(false)
    }
  })

  test('the table covers every event but submit and hold, which create a topic', () => {
    expect([...EVENTS].sort()).toEqual(
      [
        'approve',
        'close',
        'discuss',
        'finish',
        'hide',
        'merge',
        'milestone',
        'openVote',
        'reopen',
        'restore',
        'retire',
        'review',
        'threshold',
        'withdraw',
      ].sort(),
    )
  })

  test.each<[TopicStatus, TopicMove[]]>([
    ['withdrawn', []],
    ['merged', []],
    ['retired', []],
    ['draft', ['approve', 'withdraw', 'retire']],
    ['hidden', ['restore', 'retire']],
    ['voting', ['close', 'hide']],
    ['done', ['reopen', 'hide']],
  ])('from %s only %j lead anywhere', (status, events) => {
    expect(EVENTS.filter((e) => TOPIC_TRANSITIONS[e].from.includes(status)).sort()).toEqual([...events].sort())
  })

  test('public statuses, stages before a vote, and what a report can hide', () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(TOPIC_STATUSES.filter((s) => !['draft', 'withdrawn', 'hidden'].includes(s)).sort())
    expect(BEFORE_VOTE).toEqual(['collecting', 'review', 'discussion', 'opinions'])
    expect(HIDEABLE).not.toContain('hidden')
    expect(HIDEABLE).not.toContain('draft')
  })

  test('every stage has a label of at most 5 characters (the phrase field of 议题进展通知)', () => {
    for (const s of TOPIC_STATUSES) expect(Array.from(TOPIC_STATUS_LABELS[s]).length).toBeLessThanOrEqual(5)
  })

  test.each<[string, TopicMove, ReturnType<typeof topic>, TopicRelation[], boolean]>([
    ['the author withdraws a topic nobody supported', 'withdraw', topic('collecting', 0), ['author'], true],
    ['the author withdraws a draft', 'withdraw', topic('draft', 0), ['author'], true],
    ['after one support it is not the author’s alone', 'withdraw', topic('collecting', 1), ['author'], false],
    ['not even the secretary withdraws (they retire)', 'withdraw', topic('collecting', 0), ['secretary'], false],
    ['a party branch seat reviews', 'review', topic('review'), ['seat:party_branch'], true],
    ['an owners’ committee seat does not review', 'review', topic('review'), ['seat:owners_committee'], false],
    ['an owners’ committee seat discusses', 'discuss', topic('discussion'), ['seat:owners_committee'], true],
    ['a representative does not open the vote', 'openVote', topic('opinions'), ['seat:representative'], false],
    ['an observer takes no step', 'review', topic('review'), ['seat:observer'], false],
    ['a milestone on a passed decision', 'milestone', topic('decided', 3, 'passed'), ['secretary'], true],
    ['no milestone on a rejected decision', 'milestone', topic('decided', 3, 'rejected'), ['secretary'], false],
    ['no finish on a rejected decision', 'finish', topic('decided', 3, 'rejected'), ['secretary'], false],
    ['milestones continue while implementing', 'milestone', topic('implementing', 3, 'passed'), ['secretary'], true],
    ['the timer closes a vote', 'close', topic('voting'), ['timer'], true],
    ['a resident’s report hides a public topic', 'hide', topic('opinions'), ['resident'], true],
    ['a withdrawn topic cannot be hidden', 'hide', topic('withdrawn'), ['resident'], false],
    ['no merge once voting', 'merge', topic('voting'), ['secretary'], false],
    ['no retire once voting', 'retire', topic('voting'), ['secretary'], false],
  ])('%s', (_label, event, t, relations, expected) => {
    expect(canMove(event, t, rel(...relations))).toBe(expected)
  })
})

describe('refusals: FORBIDDEN for the wrong person, CONFLICT for the wrong stage, in words', () => {
  test.each<[TopicMove, ReturnType<typeof topic>, TopicRelation[], 'FORBIDDEN' | 'CONFLICT' | null, RegExp | null]>([
    ['review', topic('review'), ['secretary'], null, null],
    ['review', topic('review'), ['resident'], 'FORBIDDEN', /党支部/],
    ['discuss', topic('discussion'), ['seat:party_branch'], 'FORBIDDEN', /业委会/],
    ['withdraw', topic('collecting'), ['resident'], 'FORBIDDEN', /只有提议人/],
    ['withdraw', topic('collecting', 2), ['author'], 'CONFLICT', /已经有居民附议/],
    ['milestone', topic('decided', 0, 'rejected'), ['secretary'], 'CONFLICT', /未通过/],
    ['review', topic('opinions'), ['secretary'], 'CONFLICT', /征求意见/],
    ['openVote', topic('voting'), ['secretary'], 'CONFLICT', /表决中/],
    ['approve', topic('collecting'), ['resident'], 'FORBIDDEN', /权限/],
  ])('%s on %j by %j → %s', (event, t, relations, code, message) => {
    const no = moveRefusal(event, t, rel(...relations))
    if (code === null) return expect(no).toBeNull()
    expect(no?.code).toBe(code)
    expect(no?.message).toMatch(message!)
  })
})

describe('where a move leads', () => {
  test.each<[TopicStatus | null, TopicStatus]>([
    ['opinions', 'opinions'],
    ['voting', 'voting'],
    ['done', 'done'],
    [null, 'collecting'],
  ])('restore of a topic hidden from %s → %s', (from, to) => {
    expect(destination('restore', { hiddenFrom: from })).toBe(to)
  })

  test('other moves lead where the table says, whatever hiddenFrom holds', () => {
    expect(destination('hide', { hiddenFrom: null })).toBe('hidden')
    expect(destination('retire', { hiddenFrom: 'opinions' })).toBe('retired')
  })
})

describe('relations', () => {
  const t = { authorId: 'u-a', enteredById: 'u-head' }
  test.each<[string, string, { isResident: boolean; isSecretary: boolean; seat: SeatKind | null }, TopicRelation[]]>([
    ['the author', 'u-a', { isResident: true, isSecretary: false, seat: null }, ['author', 'resident']],
    ['who entered it for them', 'u-head', { isResident: true, isSecretary: false, seat: null }, ['author', 'resident']],
    ['a secretary with a seat', 'u-s', { isResident: false, isSecretary: true, seat: 'party_branch' }, ['secretary', 'seat:party_branch']],
    ['someone else', 'u-x', { isResident: false, isSecretary: false, seat: null }, []],
  ])('%s', (_l, userId, facts, expected) => {
    expect([...topicRelations(t, userId, facts)].sort()).toEqual([...expected].sort())
  })
})

// ---------- Eligibility ----------

const C1 = 'c-1'
const settings = (over: Partial<CouncilSettings> = {}): CouncilSettings => ({ ...DEFAULT_SETTINGS, ...over })
const council = (scope: Council['scope'], over: Partial<Council> = {}): Council => ({
  _id: 'cc',
  communityId: C1,
  name: '议事会',
  scope,
  compoundId: scope === 'compound' ? 'cp-1' : null,
  buildingId: scope === 'building' ? 'b-1' : null,
  settings: settings(),
  seats: [],
  active: true,
  isDefault: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
})
type U = EligibilityFacts['user']
const verified: U = {
  _id: 'u-1',
  communityId: C1,
  householdId: 'h-1',
  householdStatus: 'verified',
  buildingId: 'b-1',
  verifiedBirthYear: null,
  residencePermit: null,
}
const pending: U = { ...verified, householdStatus: 'pending' }
const elsewhere: U = { ...verified, communityId: 'c-2', householdId: 'h-9', buildingId: 'b-9' }
const nobody: U = { ...verified, communityId: null, householdId: null, householdStatus: null, buildingId: null }
const permit = (expiresOn: string, communityId = C1) => ({ communityId, expiresOn, recordedById: 'u-sec', at: new Date(0) })
const migrant = (expiresOn: string, communityId = C1): U => ({ ...nobody, residencePermit: permit(expiresOn, communityId) })
const facts = (user: U, over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({ user, compoundId: 'cp-1', seat: null, today: '2026-06-01', ...over })

const RESIDENCE = '您家还未确认住址，确认后就能参与'
const NOT_HERE = '您还不是本社区登记的居民，请先在「我的」里填写住址'

describe('inScope: who takes part in a council (support, comment), from verified data only', () => {
  test.each<[string, Council, EligibilityFacts, string | null]>([
    // community
    ['community: a verified household', council('community'), facts(verified), null],
    ['community: a household still pending', council('community'), facts(pending), RESIDENCE],
    ['community: a household of another community', council('community'), facts(elsewhere), NOT_HERE],
    ['community: no household at all', council('community'), facts(nobody), NOT_HERE],
    ['community: a migrant with a valid permit', council('community'), facts(migrant('2026-12-31')), null],
    ['community: a permit of another community does not count', council('community'), facts(migrant('2026-12-31', 'c-2')), NOT_HERE],
    // building
    ['building: living in that building', council('building'), facts(verified), null],
    ['building: living in another building', council('building', { buildingId: 'b-2' }), facts(verified), '本议事会只由这栋楼的居民参与'],
    ['building: pending in that building', council('building'), facts(pending), RESIDENCE],
    ['building: another community', council('building'), facts(elsewhere), NOT_HERE],
    // compound
    ['compound: a building of that compound', council('compound'), facts(verified), null],
    ['compound: a building of another compound', council('compound'), facts(verified, { compoundId: 'cp-2' }), '本议事会只由这个小区的居民参与'],
    ['compound: pending', council('compound'), facts(pending), RESIDENCE],
    // migrants
    ['migrants: a valid permit', council('migrants'), facts(migrant('2026-12-31')), null],
    ['migrants: valid on its expiry day', council('migrants'), facts(migrant('2026-06-01')), null],
    ['migrants: expired the day before', council('migrants'), facts(migrant('2026-05-31')), '您的居住证已过期，请到社区更新登记'],
    ['migrants: no permit (a verified household is not a permit)', council('migrants'), facts(verified), '新居民议事会需要在社区登记居住证'],
    ['migrants: a permit of another community', council('migrants'), facts(migrant('2026-12-31', 'c-2')), '新居民议事会需要在社区登记居住证'],
    // youth (max age 35 unless set; age = this China year − the verified birth year)
    ['youth: 35 this year (the boundary)', council('youth'), facts({ ...verified, verifiedBirthYear: 1991 }), null],
    ['youth: 36 this year', council('youth'), facts({ ...verified, verifiedBirthYear: 1990 }), '青年议事会只由 35 岁以下的居民参与'],
    [
      'youth: a council’s own age limit',
      council('youth', { settings: settings({ youthMaxAge: 28 }) }),
      facts({ ...verified, verifiedBirthYear: 1997 }),
      '青年议事会只由 28 岁以下的居民参与',
    ],
    ['youth: 28 under a limit of 28', council('youth', { settings: settings({ youthMaxAge: 28 }) }), facts({ ...verified, verifiedBirthYear: 1998 }), null],
    ['youth: no verified birth year', council('youth'), facts(verified), '青年议事会需要先到社区登记出生年份'],
    ['youth: young but pending', council('youth'), facts({ ...pending, verifiedBirthYear: 2000 }), RESIDENCE],
    ['youth: a young migrant with a permit', council('youth'), facts({ ...migrant('2026-12-31'), verifiedBirthYear: 2000 }), null],
    [
      'youth: the boundary turns with the China year',
      council('youth'),
      facts({ ...verified, verifiedBirthYear: 1991 }, { today: '2027-01-01' }),
      '青年议事会只由 35 岁以下的居民参与',
    ],
  ])('%s', (_label, c, f, why) => {
    const s = inScope(c, f)
    if (why === null) expect(s).toEqual({ ok: true, identity: f.user._id })
    else expect(s).toEqual({ ok: false, why })
  })
})

describe('voterStanding: one vote per identity', () => {
  test.each<[string, Council, Council['settings']['eligibility'], EligibilityFacts, { identity: string } | { why: string }]>([
    ['household vote: the household', council('community'), 'household', facts(verified), { identity: 'h_h-1' }],
    ['household vote: a migrant with a permit votes as a person', council('community'), 'household', facts(migrant('2026-12-31')), { identity: 'u_u-1' }],
    ['household vote: pending', council('community'), 'household', facts(pending), { why: RESIDENCE }],
    ['resident vote: the person', council('community'), 'resident', facts(verified), { identity: 'u_u-1' }],
    ['resident vote: out of the building', council('building', { buildingId: 'b-2' }), 'resident', facts(verified), { why: '本议事会只由这栋楼的居民参与' }],
    ['representatives: a representative’s seat', council('community'), 'representatives', facts(nobody, { seat: 'representative' }), { identity: 'u-1' }],
    [
      'representatives: a verified resident without the seat',
      council('community'),
      'representatives',
      facts(verified),
      { why: '本议题由居民代表表决，您可以发表意见' },
    ],
    [
      'representatives: another seat is not enough',
      council('community'),
      'representatives',
      facts(verified, { seat: 'party_branch' }),
      { why: '本议题由居民代表表决，您可以发表意见' },
    ],
  ])('%s', (_label, c, eligibility, f, expected) => {
    const s = voterStanding(c, eligibility, f)
    if ('identity' in expected) expect(s).toEqual({ ok: true, identity: expected.identity })
    else expect(s).toEqual({ ok: false, why: expected.why })
  })

  test('two members of one household share one identity; two households do not', () => {
    const a = voterStanding(council('community'), 'household', facts(verified))
    const b = voterStanding(council('community'), 'household', facts({ ...verified, _id: 'u-2' }))
    const c = voterStanding(council('community'), 'household', facts({ ...verified, _id: 'u-3', householdId: 'h-2' }))
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
  })
})

describe('decide: quorum and the pass rule', () => {
  const tally = (yes: number, no: number, abstain = 0) => ({ yes, no, abstain, online: yes + no + abstain, offline: 0 })
  test.each<[string, ReturnType<typeof tally>, { electorate: number; quorumPercent: number; passPercent: number }, 'passed' | 'rejected', RegExp]>([
    ['below the quorum', tally(3, 0), { electorate: 10, quorumPercent: 50, passPercent: 50 }, 'rejected', /未达到 50% 的法定人数（需 5 票）/],
    ['exactly the quorum', tally(4, 1), { electorate: 10, quorumPercent: 50, passPercent: 50 }, 'passed', /表决通过/],
    [
      'abstentions count for the quorum, not for the share',
      tally(2, 1, 7),
      { electorate: 10, quorumPercent: 100, passPercent: 50 },
      'passed',
      /占有效票 66.7%/,
    ],
    ['a simple majority: a tie fails', tally(3, 3), { electorate: 6, quorumPercent: 0, passPercent: 50 }, 'rejected', /未超过 50%/],
    ['a simple majority: one more passes', tally(4, 3), { electorate: 7, quorumPercent: 0, passPercent: 50 }, 'passed', /超过 50%/],
    ['two thirds (66): 2 of 3 passes', tally(2, 1), { electorate: 3, quorumPercent: 0, passPercent: 66 }, 'passed', /66.7%/],
    ['two thirds (67): 2 of 3 is not more than 67%', tally(2, 1), { electorate: 3, quorumPercent: 0, passPercent: 67 }, 'rejected', /未超过 67%/],
    ['two thirds (67): 7 of 10 passes', tally(7, 3), { electorate: 10, quorumPercent: 0, passPercent: 67 }, 'passed', /70%/],
    ['only abstentions: nothing to pass', tally(0, 0, 5), { electorate: 5, quorumPercent: 50, passPercent: 50 }, 'rejected', /占有效票 0%/],
    ['no votes at all, no quorum asked', tally(0, 0), { electorate: 0, quorumPercent: 0, passPercent: 50 }, 'rejected', /未超过/],
    [
      '100%: every counted vote yes passes (nothing is more than all)',
      tally(10, 0, 2),
      { electorate: 12, quorumPercent: 100, passPercent: 100 },
      'passed',
      /全部同意，表决通过/,
    ],
    ['100%: one no fails', tally(9, 1), { electorate: 10, quorumPercent: 0, passPercent: 100 }, 'rejected', /未达到全部同意/],
  ])('%s', (_label, t, terms, outcome, note) => {
    const d = decide(t, terms)
    expect(d.outcome).toBe(outcome)
    expect(d.note).toMatch(note)
  })
})

describe('办成了吗: reopening', () => {
  test.each<[{ yes: number; no: number }, boolean]>([
    [{ yes: 0, no: 0 }, false],
    [{ yes: 0, no: 2 }, false], // too few answers to say
    [{ yes: 0, no: 3 }, true],
    [{ yes: 3, no: 3 }, false], // not most
    [{ yes: 2, no: 4 }, true],
    [{ yes: 10, no: 4 }, false],
  ])('%j → %s', (fb, expected) => {
    expect(reopens(fb)).toBe(expected)
  })
})

describe('cursors', () => {
  test('topic and comment ids are their own cursors, and nothing else is', () => {
    const now = new Date('2026-06-01T00:00:00Z')
    expect(isTopicCursor(newTopicId(now))).toBe(true)
    expect(isCommentCursor(newCommentId(now))).toBe(true)
    expect(isTopicCursor(newCommentId(now))).toBe(false)
    expect(isTopicCursor('t123')).toBe(false)
    expect(isTopicCursor({ $gt: '' } as unknown as string)).toBe(false)
    // Time-ordered: a later topic sorts after.
    expect(newTopicId(new Date(now.getTime() + 1)) > newTopicId(now)).toBe(true)
  })
})
