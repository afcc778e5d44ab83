/**
 * The council rules as tables and pure predicates (no I/O): the topic lifecycle, who may take each step,
 * who may vote (eligibility from verified data only, with the reason in Chinese when not), and how a
 * tally decides. Commands and the UI (TopicDetail.me.can) use these; nothing else decides.
 *
 *   draft ─approve→ collecting ─threshold→ review ─review→ discussion ─discuss→ opinions ─openVote→ voting
 *   voting ─close→ decided ─milestone→ implementing ─finish→ done ─reopen→ implementing
 *   draft | collecting (no support yet) ─withdraw→ withdrawn          (author)
 *   collecting … opinions ─merge→ merged · draft … opinions ─retire→ retired      (secretary)
 *   collecting … implementing ─hide→ hidden (third report) ─restore→ where it was · hidden ─retire→ retired
 */
import { TOPIC_STATUS_LABELS } from '../../../../../types/vocabulary'
import type { User } from '../../../../../types/org'
import type { Council, CouncilSettings, Eligibility, SeatKind, Tally, Topic, TopicEvent, TopicStatus } from '../../../../../types/council'
import { livesIn } from '../org/rules'

/** How the caller stands to a topic. `seat:*` are seats of the topic's council. */
export type TopicRelation =
  'author' | 'resident' | 'secretary' | 'seat:party_branch' | 'seat:owners_committee' | 'seat:representative' | 'seat:observer' | 'timer'

type Move = { from: readonly TopicStatus[]; to: TopicStatus | 'back'; by: readonly TopicRelation[] }

/** Stages before a decision, where a topic can still be merged or retired. */
export const BEFORE_VOTE: readonly TopicStatus[] = ['collecting', 'review', 'discussion', 'opinions']
/** Stages anyone in the community sees (and may report). */
export const PUBLIC_STATUSES: readonly TopicStatus[] = [
  'collecting',
  'review',
  'discussion',
  'opinions',
  'voting',
  'decided',
  'implementing',
  'done',
  'merged',
  'retired',
]
/** Where a report can hide a topic: public and not yet finished with. */
export const HIDEABLE: readonly TopicStatus[] = ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done']

export const TOPIC_TRANSITIONS: Record<Exclude<TopicEvent, 'submit' | 'hold'>, Move> = {
  approve: { from: ['draft'], to: 'collecting', by: ['secretary'] },
  threshold: { from: ['collecting'], to: 'review', by: ['resident', 'secretary', 'timer'] },
  review: { from: ['review'], to: 'discussion', by: ['secretary', 'seat:party_branch'] },
  discuss: { from: ['discussion'], to: 'opinions', by: ['secretary', 'seat:owners_committee'] },
  openVote: { from: ['opinions'], to: 'voting', by: ['secretary'] },
  close: { from: ['voting'], to: 'decided', by: ['secretary', 'timer'] },
  milestone: { from: ['decided', 'implementing'], to: 'implementing', by: ['secretary'] },
  finish: { from: ['implementing', 'decided'], to: 'done', by: ['secretary'] },
  reopen: { from: ['done'], to: 'implementing', by: ['resident', 'timer'] },
  withdraw: { from: ['draft', 'collecting'], to: 'withdrawn', by: ['author'] },
  merge: { from: BEFORE_VOTE, to: 'merged', by: ['secretary'] },
  retire: { from: ['draft', ...BEFORE_VOTE, 'hidden'], to: 'retired', by: ['secretary'] },
  hide: { from: HIDEABLE, to: 'hidden', by: ['resident', 'secretary'] },
  restore: { from: ['hidden'], to: 'back', by: ['secretary'] },
}
export type TopicMove = keyof typeof TOPIC_TRANSITIONS

/** Where a move leads from the topic as it is (`restore` goes back to where it was hidden from). */
export const destination = (event: TopicMove, topic: Pick<Topic, 'hiddenFrom'>): TopicStatus => {
  const to = TOPIC_TRANSITIONS[event].to
  return to === 'back' ? (topic.hiddenFrom ?? 'collecting') : to
}

export function canMove(event: TopicMove, topic: Pick<Topic, 'status' | 'supports' | 'outcome'>, relations: ReadonlySet<TopicRelation>): boolean {
  const t = TOPIC_TRANSITIONS[event]
  if (!t.from.includes(topic.status)) return false
  if (!t.by.some((r) => relations.has(r))) return false
  // Withdrawing is for a topic nobody has backed yet; after that it belongs to its supporters too.
  if (event === 'withdraw' && topic.supports > 0) return false
  // Only a passed decision is implemented.
  if ((event === 'milestone' || event === 'finish') && topic.status === 'decided' && topic.outcome !== 'passed') return false
  return true
}

/** Why a move is not possible now: FORBIDDEN (wrong person) or CONFLICT (wrong stage), in words; null if it is. */
export function moveRefusal(
  event: TopicMove,
  topic: Pick<Topic, 'status' | 'supports' | 'outcome'>,
  relations: ReadonlySet<TopicRelation>,
): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null {
  if (canMove(event, topic, relations)) return null
  const t = TOPIC_TRANSITIONS[event]
  if (!t.by.some((r) => relations.has(r))) return { code: 'FORBIDDEN', message: WHO_MAY[event] ?? '您没有权限进行此操作' }
  if (event === 'withdraw' && topic.supports > 0) return { code: 'CONFLICT', message: '已经有居民附议，不能撤回了；如需终止请联系社区' }
  if ((event === 'milestone' || event === 'finish') && topic.outcome === 'rejected')
    return { code: 'CONFLICT', message: '这个议题表决未通过，没有需要落实的事项' }
  return { code: 'CONFLICT', message: `议题现在是「${TOPIC_STATUS_LABELS[topic.status]}」阶段，不能这样做，请刷新后再看` }
}

const WHO_MAY: Partial<Record<TopicMove, string>> = {
  review: '由党支部或社区书记填写审议意见',
  discuss: '由业委会或社区书记填写商议意见',
  withdraw: '只有提议人可以撤回议题',
  openVote: '由社区书记发起表决',
  close: '由社区书记结束表决',
  milestone: '由社区书记更新落实进展',
  finish: '由社区书记更新落实进展',
}

/** Relations of a person to a topic, from facts the caller gathered. */
export function topicRelations(
  topic: Pick<Topic, 'authorId' | 'enteredById'>,
  userId: string,
  facts: { isResident: boolean; isSecretary: boolean; seat: SeatKind | null },
): Set<TopicRelation> {
  const r = new Set<TopicRelation>()
  if (topic.authorId === userId || topic.enteredById === userId) r.add('author')
  if (facts.isResident) r.add('resident')
  if (facts.isSecretary) r.add('secretary')
  if (facts.seat) r.add(`seat:${facts.seat}`)
  return r
}

// ---------- Eligibility ----------

/** What eligibility is decided from: the person (verified fields only), their building's compound, the day. */
export interface EligibilityFacts {
  user: Pick<User, '_id' | 'communityId' | 'householdId' | 'householdStatus' | 'buildingId' | 'verifiedBirthYear' | 'residencePermit'>
  /** The compound of the person's (verified) building, for compound councils. */
  compoundId: string | null
  seat: SeatKind | null
  /** Today in China, 'YYYY-MM-DD'. */
  today: string
}

export type Standing = { ok: true; identity: string } | { ok: false; why: string }

/** A residence permit for this community that has not expired (expiry day inclusive, China time). */
export const hasValidPermit = (f: EligibilityFacts, communityId: string) =>
  !!f.user.residencePermit && f.user.residencePermit.communityId === communityId && f.user.residencePermit.expiresOn >= f.today

/**
 * Is the person in the council's scope as a resident (support, comment, and — for resident or household
 * councils — vote)? From verified data only: a confirmed household in the council's place, or for
 * community and migrant councils a valid residence permit; youth councils also need a verified birth year.
 */
export function inScope(council: Pick<Council, 'communityId' | 'scope' | 'compoundId' | 'buildingId' | 'settings'>, f: EligibilityFacts): Standing {
  const u = f.user
  const lives = livesIn(u, council.communityId)
  const permit = hasValidPermit(f, council.communityId)
  const me = { ok: true as const, identity: u._id }
  switch (council.scope) {
    case 'building':
      if (!lives) return { ok: false, why: residenceWhy(u, council.communityId) }
      return u.buildingId === council.buildingId ? me : { ok: false, why: '本议事会只由这栋楼的居民参与' }
    case 'compound':
      if (!lives) return { ok: false, why: residenceWhy(u, council.communityId) }
      return f.compoundId === council.compoundId ? me : { ok: false, why: '本议事会只由这个小区的居民参与' }
    case 'migrants':
      if (permit) return me
      return u.residencePermit && u.residencePermit.communityId === council.communityId
        ? { ok: false, why: '您的居住证已过期，请到社区更新登记' }
        : { ok: false, why: '新居民议事会需要在社区登记居住证' }
    case 'youth': {
      if (!lives && !permit) return { ok: false, why: residenceWhy(u, council.communityId) }
      const maxAge = council.settings.youthMaxAge ?? 35
      if (u.verifiedBirthYear == null) return { ok: false, why: '青年议事会需要先到社区登记出生年份' }
      const age = Number(f.today.slice(0, 4)) - u.verifiedBirthYear
      return age <= maxAge ? me : { ok: false, why: `青年议事会只由 ${maxAge} 岁以下的居民参与` }
    }
    case 'community':
      return lives || permit ? me : { ok: false, why: residenceWhy(u, council.communityId) }
  }
}

function residenceWhy(u: EligibilityFacts['user'], communityId: string): string {
  if (u.communityId === communityId && u.householdStatus === 'pending') return '您家还未确认住址，确认后就能参与'
  if (u.communityId === communityId && u.householdId) return '您家还未确认住址，确认后就能参与'
  return '您还不是本社区登记的居民，请先在「我的」里填写住址'
}

/**
 * May the person vote on a topic under these terms, and as which identity? One vote per verified
 * household (identity = the household), per verified resident (the person), or representatives only
 * (seat holders). The identity is what makes a second vote — online or offline — a duplicate.
 */
export function voterStanding(
  council: Pick<Council, 'communityId' | 'scope' | 'compoundId' | 'buildingId' | 'settings'>,
  eligibility: Eligibility,
  f: EligibilityFacts,
): Standing {
  if (eligibility === 'representatives')
    return f.seat === 'representative' ? { ok: true, identity: f.user._id } : { ok: false, why: '本议题由居民代表表决，您可以发表意见' }
  const scope = inScope(council, f)
  if (!scope.ok) return scope
  if (eligibility === 'household') {
    // A migrant with a permit but no confirmed household votes as a person.
    if (f.user.householdStatus === 'verified' && f.user.householdId && f.user.communityId === council.communityId)
      return { ok: true, identity: `h_${f.user.householdId}` }
    return { ok: true, identity: `u_${f.user._id}` }
  }
  return { ok: true, identity: `u_${f.user._id}` }
}

// ---------- Deciding ----------

/** Quorum and pass rule over a tally (votes of every channel). */
export function decide(
  tally: Tally,
  terms: { electorate: number; quorumPercent: number; passPercent: number },
): { outcome: 'passed' | 'rejected'; note: string } {
  const cast = tally.yes + tally.no + tally.abstain
  const needed = Math.ceil((terms.electorate * terms.quorumPercent) / 100)
  if (cast < needed) return { outcome: 'rejected', note: `参与表决 ${cast} 票，未达到 ${terms.quorumPercent}% 的法定人数（需 ${needed} 票），本次表决无效` }
  const counted = tally.yes + tally.no
  // "More than passPercent": 50 means a simple majority (yes > no); 67 two-thirds of yes + no.
  // 100 (nothing is more than all) means every counted vote says yes.
  const unanimity = terms.passPercent >= 100
  const passes = counted > 0 && (unanimity ? tally.yes === counted : tally.yes * 100 > counted * terms.passPercent)
  const share = counted ? Math.round((tally.yes * 1000) / counted) / 10 : 0
  if (unanimity)
    return passes
      ? { outcome: 'passed', note: `同意 ${tally.yes} 票，有效票全部同意，表决通过` }
      : { outcome: 'rejected', note: `同意 ${tally.yes} 票，占有效票 ${share}%，未达到全部同意，表决未通过` }
  return passes
    ? { outcome: 'passed', note: `同意 ${tally.yes} 票，占有效票 ${share}%，超过 ${terms.passPercent}%，表决通过` }
    : { outcome: 'rejected', note: `同意 ${tally.yes} 票，占有效票 ${share}%，未超过 ${terms.passPercent}%，表决未通过` }
}

/** 办成了吗: a done topic reopens when at least this many voters answered and most said no. */
export const REOPEN_MIN_ANSWERS = 3
export const reopens = (fb: { yes: number; no: number }) => fb.no >= REOPEN_MIN_ANSWERS && fb.no > fb.yes

/** Reports from this many different people hide a topic (or a comment) until a secretary decides. */
export const HIDE_AFTER_REPORTS = 3

/** What a community's default council starts with (the secretary may change all of it). */
export const DEFAULT_SETTINGS: CouncilSettings = {
  supportThreshold: 10,
  eligibility: 'household',
  quorumPercent: 0,
  passPercent: 50,
  opinionDays: 7,
  votingDays: 7,
  secretBallot: true,
  youthMaxAge: null,
}

/** Topic ids are time-ordered: `t`, 9 base-36 time digits, 12 hex. */
export const isTopicCursor = (c: string) => /^t[0-9a-z]{9}[0-9a-f]{12}$/.test(c)

/** Comment ids are time-ordered too: `k`, 9 base-36 time digits, 12 hex. */
export const isCommentCursor = (c: string) => /^k[0-9a-z]{9}[0-9a-f]{12}$/.test(c)

/** Where a topic may be merged into: a public topic still open to work on (not itself merged, retired or withdrawn). */
export const MERGE_TARGETS: readonly TopicStatus[] = ['collecting', 'review', 'discussion', 'opinions', 'voting', 'decided', 'implementing', 'done']
