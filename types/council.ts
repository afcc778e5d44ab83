/**
 * Neighbourhood councils 议事: councils with seats, residents' topics from support through review,
 * discussion, opinions and a vote to a published result, implementation milestones, and the check
 * "办成了吗？" at the end. Every step is in the topic's public timeline.
 *
 * The lifecycle (cloudfunctions/api/src/modules/council/rules.ts TOPIC_TRANSITIONS is the table):
 *
 *   draft ─approve→ collecting ─(supports reach the threshold)→ review ─review→ discussion ─discuss→ opinions
 *     (a secretary's look: content   (public; support / unsupport)   (党支部审议)    (业委会商议)   (征集意见, a window)
 *      check said "review")
 *   opinions ─openVote→ voting ─close→ decided (passed | rejected; 表决公示)
 *   decided(passed) ─milestone→ implementing ─milestone(done)→ done ─feedback (most say 没办成)→ implementing
 *   side states: withdrawn (author, before any support) · merged (into another topic) · retired (with a reason)
 *                hidden (three reports; a secretary restores it to where it was, or retires it)
 */
import * as z from 'zod/mini'
import { Id, PageInput, Text } from './common'
import {
  COUNCIL_SCOPES,
  ELIGIBILITIES,
  RETIRE_REASONS,
  SEAT_KINDS,
  TOPIC_CHANNELS,
  TOPIC_STATUSES,
  VOTE_CHANNELS,
  VOTE_CHOICES,
  MEETING_KINDS,
} from './vocabulary'

export type CouncilScope = (typeof COUNCIL_SCOPES)[number]
export type Eligibility = (typeof ELIGIBILITIES)[number]
export type SeatKind = (typeof SEAT_KINDS)[number]
export type TopicStatus = (typeof TOPIC_STATUSES)[number]
export type TopicChannel = (typeof TOPIC_CHANNELS)[number]
export type VoteChoice = (typeof VOTE_CHOICES)[number]
export type VoteChannel = (typeof VOTE_CHANNELS)[number]
export type RetireReason = (typeof RETIRE_REASONS)[number]
export type MeetingKind = (typeof MEETING_KINDS)[number]

export const TOPIC_EVENTS = [
  'submit', // created, public at once (collecting)
  'hold', // created, but the content check asked for a person's look (draft)
  'approve', // moderation: draft → collecting
  'threshold', // supports reached the threshold: collecting → review
  'review', // 党支部审议: review → discussion
  'discuss', // 业委会商议: discussion → opinions
  'openVote', // opinions → voting
  'close', // voting → decided
  'milestone', // decided(passed) | implementing → implementing
  'finish', // implementing → done (a milestone marked done)
  'reopen', // done → implementing (most voters said 没办成)
  'withdraw',
  'merge',
  'retire',
  'hide', // third report
  'restore', // moderation: hidden → where it was
] as const
export type TopicEvent = (typeof TOPIC_EVENTS)[number]

// ---------- Stored documents ----------

export interface CouncilSettings {
  /** Supports a topic needs to leave `collecting` (0: it goes to review at once). */
  supportThreshold: number
  /** Who votes: one vote per verified household, per verified resident, or the council's representatives. */
  eligibility: Eligibility
  /** Quorum: votes cast (all channels) as a percentage of the electorate counted when the vote opened. */
  quorumPercent: number
  /** A topic passes when yes votes are more than this percentage of yes + no (abstentions do not count). */
  passPercent: number
  /** Days the opinion window stays open after discussion; days the vote stays open. */
  opinionDays: number
  votingDays: number
  /** Hide the running tally until the vote closes (secret ballot: who voted how is never shown). */
  secretBallot: boolean
  /** Youth councils: voters born in or after this many years before the current (China) year. */
  youthMaxAge: number | null
}

export interface Seat {
  userId: string
  seat: SeatKind
  since: Date
  byId: string
}

export interface Council {
  _id: string
  communityId: string
  name: string
  scope: CouncilScope
  /** For building / compound councils: the place. */
  compoundId: string | null
  buildingId: string | null
  settings: CouncilSettings
  /** People appointed to seats by the secretary (at most 100; audited). */
  seats: Seat[]
  active: boolean
  /** The community's default council (one per community, made on first use). */
  isDefault: boolean
  createdAt: Date
  updatedAt: Date
}

export interface TimelineEntry {
  at: Date
  event: TopicEvent | 'comment_closed' | 'meeting'
  byId: string | null
  from: TopicStatus | null
  to: TopicStatus
  note: string | null
  photos?: string[]
}

export interface Tally {
  yes: number
  no: number
  abstain: number
  online: number
  offline: number
}

export interface Milestone {
  at: Date
  /** The day it happened or is planned, 'YYYY-MM-DD' (China). */
  date: string
  note: string
  photos: string[]
  byId: string
  done: boolean
}

export interface Topic {
  _id: string // time-ordered: 't' + 9 base-36 time digits + 12 hex
  communityId: string
  councilId: string
  title: string
  description: string
  photos: string[]
  /** Where it is about: a building, or a 居民说事点's name, or nothing. */
  buildingId: string | null
  place: string | null
  /** The resident whose topic it is; who typed it in; how it came in. */
  authorId: string
  enteredById: string
  channel: TopicChannel
  status: TopicStatus
  /** Shown in the public lists (not draft, withdrawn, hidden): kept with the status, indexed. */
  public: boolean
  supports: number
  supportThreshold: number
  review: { note: string; byId: string; at: Date } | null
  discussion: { note: string; byId: string; at: Date } | null
  opinionsCloseAt: Date | null
  /** The vote's terms, copied from the council when it opened (a settings change never moves a live vote). */
  vote: {
    opensAt: Date
    closesAt: Date
    eligibility: Eligibility
    electorate: number
    quorumPercent: number
    passPercent: number
    secretBallot: boolean
  } | null
  /** vote.closesAt, flat, so the timer finds votes to close on one index (status, votingClosesAt). */
  votingClosesAt: Date | null
  /** Written when the vote closes: the counts of the stored votes, and what they decided. */
  tally: Tally | null
  outcome: 'passed' | 'rejected' | null
  /** Why a vote that was not quorate failed, or the pass rule's words. */
  outcomeNote: string | null
  decidedAt: Date | null
  milestones: Milestone[]
  /** 办成了吗？ answers from those who voted (one per voter). */
  feedback: { yes: number; no: number; round: number }
  mergedInto: string | null
  retireReason: RetireReason | null
  /** Where a hidden topic returns to when a secretary restores it. */
  hiddenFrom: TopicStatus | null
  reports: number
  comments: number
  timeline: TimelineEntry[]
  /** The author's 建议被采纳 points are owed (no budget when it passed): the timer pays them (topic.payOwed). */
  pointsPending?: boolean
  createdAt: Date
  updatedAt: Date
}

/** One support 附议: `_id` `${topicId}_${userId}`, so a person supports a topic once. */
export interface TopicSupport {
  _id: string
  topicId: string
  communityId: string
  userId: string
  at: Date
}

/**
 * One vote: `_id` `${topicId}_${identity}` where identity is the household (household councils) or the
 * person, so a second vote for the same identity is refused whatever the channel.
 */
export interface Vote {
  _id: string
  topicId: string
  communityId: string
  identity: string
  voterId: string
  choice: VoteChoice
  channel: VoteChannel
  meetingId: string | null
  recordedById: string | null
  at: Date
  /** The voter's 参与议事 points are owed (no budget, or too busy, when the vote was cast): the timer pays them. */
  pointsPending?: boolean
}

/** One 办成了吗 answer: `_id` `${topicId}_${round}_${userId}`, one per voter and round (topic.feedback). */
export interface TopicFeedback {
  _id: string
  topicId: string
  communityId: string
  userId: string
  round: number
  done: boolean
  comment: string | null
  at: Date
}

export interface TopicComment {
  _id: string // time-ordered
  topicId: string
  communityId: string
  authorId: string
  text: string
  /** visible; held for a secretary (content check said review, or reported); removed by a secretary. */
  status: 'visible' | 'held' | 'removed'
  reports: number
  at: Date
}

/** A council meeting (议事日, representatives' meeting) is an activity (sign-up, rotating check-in) with this. */
export interface MeetingInfo {
  councilId: string
  kind: MeetingKind
  topicIds: string[]
  minutes: string | null
}

/**
 * A 居民说事点 (a place where residents raise matters in person: a bench by a building, a compound's gate):
 * its QR poster carries a scene token stored with the registration codes' tokens (scene_tokens), of its own
 * kind, with the place's name. Scanning it opens topic submission; topic.create (`pointScene`) fills in the
 * place and records the channel `point`. Made by council.talkPoint; ids never travel in the code.
 */
export interface TalkPointToken {
  /** The token itself: random, ≤ 32 characters WeChat allows in a scene (party/rules.ts newSceneToken). */
  _id: string
  kind: 'talk_point'
  communityId: string
  compoundId: string | null
  /** The place as residents call it, e.g. 3号楼下居民说事点. */
  name: string
  createdAt: Date
  byId?: string
  updatedAt?: Date
}

// ---------- Inputs ----------

const Community = { communityId: Id }
const Photos = z.array(z.string().check(z.maxLength(500), z.regex(/^(cloud:\/\/|https?:\/\/|\/)/, '图片地址不正确'))).check(z.maxLength(6, '最多 6 张图片'))
const Percent = z.number().check(z.int(), z.gte(0, '请填 0-100'), z.lte(100, '请填 0-100'))
const Days = z.number().check(z.int(), z.gte(1, '至少 1 天'), z.lte(60, '最多 60 天'))
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-01'))

export const CouncilSettingsInput = z.strictObject({
  supportThreshold: z.number().check(z.int(), z.gte(0), z.lte(1000, '附议人数最多 1000')),
  eligibility: z.enum(ELIGIBILITIES),
  quorumPercent: Percent,
  passPercent: z.number().check(z.int(), z.gte(50, '通过比例至少 50%'), z.lte(100, '请填 50-100')),
  opinionDays: Days,
  votingDays: Days,
  secretBallot: z.boolean(),
  youthMaxAge: z.nullable(z.number().check(z.int(), z.gte(14), z.lte(45, '青年议事会年龄上限最多 45 岁'))),
})

export const CouncilListInput = z.strictObject(Community)
export const CouncilGetInput = z.strictObject({ ...Community, councilId: Id })
export const CouncilUpsertInput = z.strictObject({
  ...Community,
  /** Absent: a new council. */
  councilId: z.optional(Id),
  name: Text(20),
  scope: z.enum(COUNCIL_SCOPES),
  compoundId: z.optional(z.nullable(Id)),
  buildingId: z.optional(z.nullable(Id)),
  settings: CouncilSettingsInput,
  active: z.optional(z.boolean()),
})
export const CouncilSetSeatInput = z.strictObject({
  ...Community,
  councilId: Id,
  userId: Id,
  /** null: take the person off the council's seats. */
  seat: z.nullable(z.enum(SEAT_KINDS)),
})
export const CouncilStatsInput = z.strictObject(Community)
/** A 居民说事点's poster: a new point (by its name; the same name again gives the same point), or (tokenId) an existing one's again, renamed if the name changed. */
export const CouncilTalkPointInput = z.strictObject({
  ...Community,
  name: Text(30),
  tokenId: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
})
export const CouncilTalkPointsInput = z.strictObject(Community)

export const TopicCreateInput = z.strictObject({
  ...Community,
  /** Absent: the community's default council (or the building's, when the building has one). */
  councilId: z.optional(Id),
  title: Text(30),
  description: Text(1000),
  photos: z.optional(Photos),
  buildingId: z.optional(z.nullable(Id)),
  /** A 居民说事点's scene token (from its QR poster): fills in the place, channel `point`. */
  pointScene: z.optional(z.string().check(z.maxLength(32))),
  /** A building head or secretary entering a topic for a resident (channel proxy / paper). */
  onBehalfOf: z.optional(Id),
  /** Secretary only: how a topic entered for someone came in. */
  channel: z.optional(z.enum(['paper', 'door', 'phone'])),
})
export const TopicListInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  /** A stage of the public list, or the secretary's queues (draft, hidden: secretary only). */
  status: z.optional(z.enum(TOPIC_STATUSES)),
  councilId: z.optional(Id),
  /** Only the caller's own topics (any status). */
  mine: z.optional(z.boolean()),
  /** 等我参与: topics open for a vote the caller may still cast, or done topics whose 办成了吗 the caller owes. */
  awaiting: z.optional(z.enum(['vote', 'feedback'])),
})
export const TopicGetInput = z.strictObject({ ...Community, topicId: Id })
export const TopicSupportInput = z.strictObject({ ...Community, topicId: Id })
export const TopicReviewInput = z.strictObject({ ...Community, topicId: Id, note: Text(500) })
export const TopicDiscussInput = z.strictObject({ ...Community, topicId: Id, note: Text(500) })
export const TopicCommentInput = z.strictObject({ ...Community, topicId: Id, text: Text(300) })
export const TopicCommentsInput = z.strictObject({
  ...PageInput.shape,
  ...Community,
  /** One topic's comments, newest first; absent with `held`: the secretary's moderation queue. */
  topicId: z.optional(Id),
  held: z.optional(z.boolean()),
})
export const TopicReportInput = z.strictObject({
  ...Community,
  topicId: Id,
  /** Report a comment of the topic instead of the topic itself. */
  commentId: z.optional(Id),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(100))),
})
export const TopicModerateInput = z.strictObject({
  ...Community,
  topicId: Id,
  /** A comment of the topic (show / remove it), or the topic itself (approve a draft, restore, retire). */
  commentId: z.optional(Id),
  decision: z.enum(['approve', 'restore', 'remove']),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const TopicOpenVoteInput = z.strictObject({ ...Community, topicId: Id })
export const TopicVoteInput = z.strictObject({ ...Community, topicId: Id, choice: z.enum(VOTE_CHOICES) })
export const TopicRecordOfflineVotesInput = z.strictObject({
  ...Community,
  topicId: Id,
  channel: z.enum(['meeting', 'paper']),
  meetingId: z.optional(Id),
  votes: z
    .array(z.strictObject({ voterId: Id, choice: z.enum(VOTE_CHOICES) }))
    .check(z.minLength(1, '请至少录入一票'), z.maxLength(200, '一次最多录入 200 票')),
})
export const TopicCloseInput = z.strictObject({ ...Community, topicId: Id })
export const TopicAddMilestoneInput = z.strictObject({
  ...Community,
  topicId: Id,
  date: Day,
  note: Text(300),
  photos: z.optional(Photos),
  /** This milestone finishes the work: the topic becomes done and its voters are asked 办成了吗？ */
  done: z.optional(z.boolean()),
})
export const TopicFeedbackInput = z.strictObject({
  ...Community,
  topicId: Id,
  done: z.boolean(),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})
export const TopicWithdrawInput = z.strictObject({ ...Community, topicId: Id })
export const TopicMergeInput = z.strictObject({ ...Community, topicId: Id, intoTopicId: Id, note: z.optional(z.string().check(z.trim(), z.maxLength(200))) })
export const TopicRetireInput = z.strictObject({
  ...Community,
  topicId: Id,
  reason: z.enum(RETIRE_REASONS),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
})

export const MeetingUpsertInput = z.strictObject({
  ...Community,
  /** Absent: a new meeting. */
  meetingId: z.optional(Id),
  councilId: Id,
  kind: z.enum(MEETING_KINDS),
  title: Text(30),
  place: Text(50),
  startAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/, '时间格式不正确')),
  endAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/, '时间格式不正确')),
  capacity: z.number().check(z.int(), z.gte(1), z.lte(2000)),
  topicIds: z.array(Id).check(z.maxLength(20, '一次议事最多 20 个议题')),
  minutes: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(2000)))),
})
export const MeetingListInput = z.strictObject({ ...PageInput.shape, ...Community, councilId: z.optional(Id) })

/** org.setResidency — what a secretary verified about a person (from documents seen, never stored). */
export const SetResidencyInput = z.strictObject({
  ...Community,
  userId: Id,
  /** The birth year as seen on an identity document; null clears it. */
  birthYear: z.optional(z.nullable(z.number().check(z.int(), z.gte(1900), z.lte(2100)))),
  /** A residence permit 居住证 for this community: its expiry day (China), or null when there is none. */
  permitExpiresOn: z.optional(z.nullable(Day)),
})

// ---------- Outputs ----------

export interface SeatView {
  userId: string
  /** The masked name lists show; the secretary's council page shows the full name. */
  name: string
  seat: SeatKind
  since: string
}

export interface CouncilView {
  id: string
  communityId: string
  name: string
  scope: CouncilScope
  compoundId: string | null
  buildingId: string | null
  /** Where it sits, in words: 本社区 / 幸福小区 / 3号楼. */
  placeName: string
  settings: CouncilSettings
  seats: SeatView[]
  active: boolean
  isDefault: boolean
  /** The caller's seat here, if any, and whether the caller could vote in it today (and why not). */
  mySeat: SeatKind | null
  myEligibility: { canVote: boolean; why: string | null }
}

export interface TopicCard {
  id: string
  councilId: string
  councilName: string
  title: string
  status: TopicStatus
  outcome: 'passed' | 'rejected' | null
  supports: number
  supportThreshold: number
  comments: number
  /** The masked author (王*英), or 居民 for a topic entered on paper without a name. */
  authorName: string
  createdAt: string
  /** The running deadline of its stage, if it has one (opinions or voting window). */
  deadline: string | null
}

export interface CommentView {
  id: string
  authorName: string
  text: string
  at: string
  mine: boolean
  /** Secretary only: held / removed comments are listed with their status. */
  status: TopicComment['status']
  /** The topic it is on (the moderation queue lists comments of many topics; topic.moderate needs it). */
  topicId?: string
  /** In the moderation queue (topic.comments with `held` and no topic): the topic's title. */
  topicTitle?: string
}

export interface TopicDetail extends Omit<TopicCard, 'deadline'> {
  communityId: string
  description: string
  photos: string[]
  place: string | null
  buildingName: string | null
  channel: TopicChannel
  review: { note: string; at: string } | null
  discussion: { note: string; at: string } | null
  opinionsCloseAt: string | null
  vote: {
    opensAt: string
    closesAt: string
    eligibility: Eligibility
    electorate: number
    quorumPercent: number
    passPercent: number
    secretBallot: boolean
    /**
     * When the result can be published: the end (`closesAt`, moved to the moment of an early close) and the
     * grace for the last votes in flight to land (topic.close refuses BUSY before it; the timer tallies after).
     * The page reloads itself then.
     */
    publishAfter?: string
  } | null
  /** The tally: after the close, or live during an open (not secret) vote. */
  tally: Tally | null
  outcomeNote: string | null
  decidedAt: string | null
  milestones: { date: string; note: string; photos: string[]; done: boolean; at: string }[]
  feedback: { yes: number; no: number }
  mergedInto: { id: string; title: string } | null
  retireReason: RetireReason | null
  timeline: { at: string; event: TimelineEntry['event']; to: TopicStatus; note: string | null; byName: string | null }[]
  /** The newest visible comments (more through topic.list? no: the detail carries up to 50, newest first). */
  recentComments: CommentView[]
  /** What the caller has done and may do now. */
  me: {
    supported: boolean
    /** The caller's vote (their own choice; for a household vote, "您家已投票" without the choice if another member cast it). */
    voted: VoteChoice | 'household' | null
    answeredFeedback: boolean
    canVote: boolean
    /** Why the caller may not vote, in Chinese (您家还未确认住址 / 本议题由居民代表表决 …), when voting is open. */
    whyNotVote: string | null
    isAuthor: boolean
    can: Partial<
      Record<
        | 'support'
        | 'unsupport'
        | 'comment'
        | 'report'
        | 'vote'
        | 'feedback'
        | 'withdraw'
        | 'review'
        | 'discuss'
        | 'openVote'
        | 'close'
        | 'recordOfflineVotes'
        | 'milestone'
        | 'merge'
        | 'retire'
        | 'moderate',
        boolean
      >
    >
  }
}

export interface MeetingView {
  /** The activity's id: sign-up and check-in go through activity.signUp / activity.checkin. */
  id: string
  councilId: string
  kind: MeetingKind
  title: string
  place: string
  startAt: string
  endAt: string
  capacity: number
  signedUp: number
  topics: { id: string; title: string; status: TopicStatus }[]
  minutes: string | null
  status: 'published' | 'cancelled' | 'finished'
}

/** A 居民说事点 as the secretary's list shows it (the poster itself: council.talkPoint with its tokenId). */
export interface TalkPointView {
  /** Its scene token (what the poster's code carries); pass it as tokenId to print the poster again. */
  scene: string
  name: string
  createdAt: string
}

/** A 居民说事点's poster: the mini-program code (a PNG data URL) that opens `page` with `scene`. */
export interface TalkPointPoster extends TalkPointView {
  page: string
  qr: string
}

export interface CouncilStats {
  /** Topics by status (one indexed aggregation). */
  byStatus: Partial<Record<TopicStatus, number>>
  decided: { passed: number; rejected: number }
  /** Topics whose work is done (and not reopened). */
  done: number
  /** Votes stored, all channels. */
  votesCast: number
  /** Waiting for the secretary: drafts, hidden topics, held comments, votes past their close. */
  waiting: { drafts: number; hidden: number; heldComments: number; votesToClose: number; reviews: number }
}

export interface ResidencyView {
  userId: string
  birthYear: number | null
  permitExpiresOn: string | null
}
