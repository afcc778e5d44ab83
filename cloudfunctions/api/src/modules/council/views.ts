/**
 * Projections of topics: what may leave the function. Cards for the lists, the detail with its public
 * timeline and what the caller may do now (`me.can`, from rules.ts canMove and eligibility, so the UI never
 * decides). Names are masked everywhere (王*英); a voter's choice is never shown to anyone but that voter
 * (secret ballot: only counts), and the running count only during a vote that is not secret.
 */
import type { Building, User } from '../../../../../types/org'
import type { CommentView, Council, Tally, Topic, TopicCard, TopicComment, TopicDetail, Vote } from '../../../../../types/council'
import { findMany, getById, type Db } from '../../platform/db'
import { C, getMany } from '../org/repo'
import { listName } from '../org/rules'
import { closeGraceMs } from './grace'
import { feedbackId, getTopic, K, reportId, supportId, voteId } from './repo'
import { canMove, HIDEABLE, inScope, voterStanding, type EligibilityFacts, type Standing, type TopicRelation } from './rules'

const iso = (d: Date | string | number) => new Date(d).toISOString()

/** Who is looking: the person, the time, and their eligibility facts for the topic's council (standing.ts factsFor). */
export interface TopicViewer {
  user: User
  now: Date
  facts: EligibilityFacts
}

/**
 * What the caller's own records say, when the command has just read or written them (saves the reads);
 * anything left out is read here.
 */
export interface DetailExtras {
  supported?: boolean
  reported?: boolean
  /** The vote of the caller's voting identity (their own, or their household's), or null. */
  vote?: Vote | null
  answeredFeedback?: boolean
  /** The newest visible comments, newest first (at most 50). */
  comments?: TopicComment[]
}

/** Topics entered on paper, at the door or by phone without naming a resident show 居民 as their author. */
const ANONYMOUS_CHANNELS: readonly Topic['channel'][] = ['paper', 'door', 'phone']

export function authorNameOf(topic: Pick<Topic, 'authorId' | 'enteredById' | 'channel'>, people: Map<string, User>): string {
  if (ANONYMOUS_CHANNELS.includes(topic.channel) && topic.authorId === topic.enteredById) return '居民'
  const a = people.get(topic.authorId)
  return a ? listName(a) : '居民'
}

/** The running deadline of a topic's stage: the opinion window, or the vote's close. */
export function deadlineOf(topic: Pick<Topic, 'status' | 'opinionsCloseAt' | 'votingClosesAt'>): string | null {
  if (topic.status === 'opinions' && topic.opinionsCloseAt) return iso(topic.opinionsCloseAt)
  if (topic.status === 'voting' && topic.votingClosesAt) return iso(topic.votingClosesAt)
  return null
}

/** One card, from the topic and the names already looked up. */
export function topicCard(topic: Topic, councilName: string, authorName: string): TopicCard {
  return {
    id: topic._id,
    councilId: topic.councilId,
    councilName,
    title: topic.title,
    status: topic.status,
    outcome: topic.outcome,
    supports: topic.supports,
    supportThreshold: topic.supportThreshold,
    comments: topic.comments,
    authorName,
    createdAt: iso(topic.createdAt),
    deadline: deadlineOf(topic),
  }
}

/** Cards for a page of topics: one read of their councils (unless given) and one of their authors. */
export async function topicCards(db: Db, topics: Topic[], councils?: Map<string, Council>): Promise<TopicCard[]> {
  const [byId, people] = await Promise.all([
    councils ?? getMany<Council>(db, K.councils, [...new Set(topics.map((t) => t.councilId))]),
    getMany<User>(
      db,
      C.users,
      topics.map((t) => t.authorId),
    ),
  ])
  return topics.map((t) => topicCard(t, byId.get(t.councilId)?.name ?? '议事会', authorNameOf(t, people)))
}

/** Comments as anyone may see them: masked author, whether it is the caller's; with `titles`, their topics' titles. */
export async function commentViews(db: Db, comments: TopicComment[], viewerId: string, titles = false): Promise<CommentView[]> {
  const [people, topics] = await Promise.all([
    getMany<User>(
      db,
      C.users,
      comments.map((c) => c.authorId),
    ),
    titles
      ? getMany<Topic>(
          db,
          K.topics,
          comments.map((c) => c.topicId),
        )
      : Promise.resolve(new Map<string, Topic>()),
  ])
  return comments.map((c) => ({
    id: c._id,
    authorName: listName(people.get(c.authorId) ?? { realName: null, nickname: '' }),
    text: c.text,
    at: iso(c.at),
    mine: c.authorId === viewerId,
    status: c.status,
    topicId: c.topicId,
    ...(titles ? { topicTitle: topics.get(c.topicId)?.title ?? '' } : {}),
  }))
}

/** How many of the recent comments the detail carries. */
export const DETAIL_COMMENTS = 50

export const recentComments = (db: Db, topicId: string, limit = DETAIL_COMMENTS) =>
  findMany<TopicComment>(db, K.comments, { topicId, status: 'visible' }, { orderBy: [['_id', 'desc']], limit })

/** The counts of a topic's stored votes (by choice on topic_choice, by channel on topic_channel). */
export async function countVotes(db: Db, topicId: string): Promise<Tally> {
  const n = async (where: object) => ((await db.collection(K.votes).where(where).count()) as { total: number }).total
  const [yes, no, abstain, online] = await Promise.all([
    n({ topicId, choice: 'yes' }),
    n({ topicId, choice: 'no' }),
    n({ topicId, choice: 'abstain' }),
    n({ topicId, channel: 'online' }),
  ])
  return { yes, no, abstain, online, offline: yes + no + abstain - online }
}

/** The caller's standing to vote on this topic: under its frozen terms once a vote has opened, else the council's. */
export function voteStandingOf(topic: Pick<Topic, 'vote'>, council: Council, facts: EligibilityFacts): Standing {
  return voterStanding(council, topic.vote?.eligibility ?? council.settings.eligibility, facts)
}

const isOpen = (closesAt: Date | null, now: Date) => !!closesAt && now.getTime() < new Date(closesAt).getTime()

/** What the caller may do now, from the lifecycle table and their standing (the UI shows exactly these). */
export function topicCan(
  topic: Topic,
  relations: ReadonlySet<TopicRelation>,
  s: {
    now: Date
    participates: boolean
    votes: Standing
    supported: boolean
    reported: boolean
    vote: Vote | null
    viewerId: string
    answeredFeedback: boolean
  },
): TopicDetail['me']['can'] {
  const secretary = relations.has('secretary')
  const author = relations.has('author')
  return {
    support: topic.status === 'collecting' && s.participates && !s.supported && !author,
    unsupport: topic.status === 'collecting' && s.supported,
    comment: topic.status === 'opinions' && isOpen(topic.opinionsCloseAt, s.now) && s.participates,
    report: HIDEABLE.includes(topic.status) && !s.reported && !author,
    vote: topic.status === 'voting' && isOpen(topic.votingClosesAt, s.now) && s.votes.ok && !s.vote,
    feedback: topic.status === 'done' && !!s.vote && s.vote.voterId === s.viewerId && !s.answeredFeedback,
    withdraw: canMove('withdraw', topic, relations),
    review: canMove('review', topic, relations),
    discuss: canMove('discuss', topic, relations),
    openVote: canMove('openVote', topic, relations),
    close: canMove('close', topic, relations),
    recordOfflineVotes: topic.status === 'voting' && secretary,
    milestone: canMove('milestone', topic, relations) || canMove('finish', topic, relations),
    merge: canMove('merge', topic, relations),
    retire: canMove('retire', topic, relations),
    moderate: secretary && (topic.status === 'draft' || topic.status === 'hidden'),
  }
}

/** The caller's vote on the topic: their identity's (own or household's), or, without a standing now, their own. */
async function myVote(db: Db, topic: Topic, standing: Standing, userId: string): Promise<Vote | null> {
  if (!topic.vote) return null
  if (standing.ok) return getById<Vote>(db, K.votes, voteId(topic._id, standing.identity))
  const [own] = await findMany<Vote>(db, K.votes, { voterId: userId, topicId: topic._id }, { limit: 1 })
  return own ?? null
}

/**
 * The whole topic as the caller may see it: its public timeline (masked names), review and discussion notes,
 * the vote's terms, the tally (after the close; live only during a vote that is not secret), milestones,
 * the newest visible comments, and what the caller has done and may do now.
 */
export async function topicDetail(
  db: Db,
  topic: Topic,
  council: Council,
  viewer: TopicViewer,
  relations: ReadonlySet<TopicRelation>,
  extras: DetailExtras = {},
): Promise<TopicDetail> {
  const { user, now, facts } = viewer
  const participates = inScope(council, facts)
  const votes = voteStandingOf(topic, council, facts)
  const exists = (doc: Promise<unknown>) => doc.then((d) => !!d)
  const [supported, reported, vote, answeredFeedback, comments, people, building, merged, liveTally] = await Promise.all([
    extras.supported ?? (topic.status === 'collecting' ? exists(getById(db, K.supports, supportId(topic._id, user._id))) : Promise.resolve(false)),
    extras.reported ?? (HIDEABLE.includes(topic.status) ? exists(getById(db, K.reports, reportId(topic._id, user._id))) : Promise.resolve(false)),
    extras.vote !== undefined ? extras.vote : myVote(db, topic, votes, user._id),
    extras.answeredFeedback ??
      (topic.status === 'done' ? exists(getById(db, K.feedback, feedbackId(topic._id, topic.feedback.round, user._id))) : Promise.resolve(false)),
    extras.comments ?? (topic.comments > 0 ? recentComments(db, topic._id) : Promise.resolve([])),
    getMany<User>(db, C.users, [topic.authorId, ...topic.timeline.map((e) => e.byId).filter((x): x is string => !!x)]),
    topic.buildingId ? getById<Building>(db, C.buildings, topic.buildingId) : Promise.resolve(null),
    topic.mergedInto ? getTopic(db, topic.mergedInto) : Promise.resolve(null),
    topic.status === 'voting' && topic.vote && !topic.vote.secretBallot ? countVotes(db, topic._id) : Promise.resolve(null),
  ])
  const can = topicCan(topic, relations, {
    now,
    participates: participates.ok,
    votes,
    supported,
    reported,
    vote,
    viewerId: user._id,
    answeredFeedback,
  })
  const votingOpen = topic.status === 'voting' && isOpen(topic.votingClosesAt, now)
  let whyNotVote: string | null = null
  if (topic.status === 'voting' && !vote) whyNotVote = !votingOpen ? '表决已经截止，正在统计结果' : votes.ok ? null : votes.why
  const decided = topic.tally && topic.status !== 'voting' && topic.status !== 'hidden'
  const nameOf = (id: string | null) => (id ? listName(people.get(id) ?? { realName: null, nickname: '' }) : null)
  const card = topicCard(topic, council.name, authorNameOf(topic, people))
  const { deadline: _deadline, ...rest } = card
  return {
    ...rest,
    communityId: topic.communityId,
    description: topic.description,
    photos: topic.photos,
    place: topic.place,
    buildingName: building?.name ?? null,
    channel: topic.channel,
    review: topic.review ? { note: topic.review.note, at: iso(topic.review.at) } : null,
    discussion: topic.discussion ? { note: topic.discussion.note, at: iso(topic.discussion.at) } : null,
    opinionsCloseAt: topic.opinionsCloseAt ? iso(topic.opinionsCloseAt) : null,
    vote: topic.vote
      ? {
          opensAt: iso(topic.vote.opensAt),
          closesAt: iso(topic.vote.closesAt),
          eligibility: topic.vote.eligibility,
          electorate: topic.vote.electorate,
          quorumPercent: topic.vote.quorumPercent,
          passPercent: topic.vote.passPercent,
          secretBallot: topic.vote.secretBallot,
          // The result is tallied once the grace after the end has passed (also after an early close).
          publishAfter: iso(new Date(topic.vote.closesAt).getTime() + closeGraceMs()),
        }
      : null,
    tally: decided ? topic.tally : liveTally,
    outcomeNote: topic.outcomeNote,
    decidedAt: topic.decidedAt ? iso(topic.decidedAt) : null,
    milestones: topic.milestones.map((m) => ({ date: m.date, note: m.note, photos: m.photos, done: m.done, at: iso(m.at) })),
    feedback: { yes: topic.feedback.yes, no: topic.feedback.no },
    mergedInto: merged ? { id: merged._id, title: merged.title } : null,
    retireReason: topic.retireReason,
    timeline: topic.timeline.map((e) => ({ at: iso(e.at), event: e.event, to: e.to, note: e.note, byName: nameOf(e.byId) })),
    recentComments: await commentViews(db, comments, user._id),
    me: {
      supported,
      voted: vote ? (vote.voterId === user._id ? vote.choice : 'household') : null,
      answeredFeedback,
      canVote: !!can.vote,
      whyNotVote,
      isAuthor: relations.has('author'),
      can,
    },
  }
}

/** The detail for the caller of a command, from what loadTopic gave it (and the topic as it is after the command). */
export function detailFor(
  ctx: { db: Db; user: User; now: () => Date },
  loaded: { council: Council; relations: ReadonlySet<TopicRelation>; facts: EligibilityFacts },
  topic: Topic,
  extras: DetailExtras = {},
): Promise<TopicDetail> {
  return topicDetail(ctx.db, topic, loaded.council, { user: ctx.user, now: ctx.now(), facts: loaded.facts }, loaded.relations, extras)
}
