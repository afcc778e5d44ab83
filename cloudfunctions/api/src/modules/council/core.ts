/**
 * What every topic command shares (the wish module's core.ts, for topics): loading a topic of the caller's
 * community with the caller's relations to it and the facts eligibility is decided from; refusing a move the
 * lifecycle table does not allow; the one way a status changes — a conditional update on the status read that
 * also pushes the timeline entry and keeps `public` with the status (a lost race changes nothing and answers
 * CONFLICT STATE_CHANGED), or for an audited secretary decision one transaction with its audit entry; the
 * content check; telling the author by subscribe message; and the community's default council, made on first use.
 */
import type { Community, User } from '../../../../../types/org'
import type { Council, TimelineEntry, Topic } from '../../../../../types/council'
import { TOPIC_STATUS_LABELS } from '../../../../../types/vocabulary'
import type { Ctx, Deps, UserCtx } from '../../platform/context'
import { recordIn, type AuditInput } from '../../platform/audit'
import { ensureDoc, getById, runTx, txGet, type Command, type Db, type Tx } from '../../platform/db'
import { conflict, forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { holdsRole } from '../org/rules'
import { sendMessage } from '../messages/send'
import { thing, timeValue } from '../messages/rules'
import { countTopicIn, topicDelta } from './counters'
import { defaultCouncilId, getCouncil, getTopic, K } from './repo'
import {
  DEFAULT_SETTINGS,
  destination,
  inScope,
  moveRefusal,
  PUBLIC_STATUSES,
  topicRelations,
  type EligibilityFacts,
  type Standing,
  type TopicMove,
  type TopicRelation,
} from './rules'
import { factsFor } from './standing'

export interface LoadedTopic {
  topic: Topic
  council: Council
  community: Community
  relations: Set<TopicRelation>
  /** The caller's eligibility facts for the topic's council (rules.ts inScope / voterStanding decide from them). */
  facts: EligibilityFacts
}

/** Is the caller the community's secretary (or the street admin over it)? */
export const isSecretaryOf = (user: Pick<User, 'roles'>, community: Community) => holdsRole(user, community, ['secretary', 'street_admin'])

/**
 * A topic of the community with the caller's relations to it. NOT_FOUND for a topic of another community,
 * and for a topic that is not public (draft, hidden, withdrawn) unless the caller is its author (or who
 * entered it) or the secretary — to everyone else it does not exist.
 */
export async function loadTopic(ctx: UserCtx, communityId: string, topicId: string): Promise<LoadedTopic> {
  const [topic, community] = await Promise.all([getTopic(ctx.db, topicId), getCommunity(ctx.db, communityId)])
  if (!topic || !community || topic.communityId !== communityId) throw notFound('这个议题')
  const council = await getCouncil(ctx.db, topic.councilId)
  if (!council) throw notFound('这个议题的议事会')
  const facts = await factsFor(ctx.db, council, ctx.user, ctx.now())
  const relations = topicRelations(topic, ctx.user._id, {
    isResident: inScope(council, facts).ok,
    isSecretary: isSecretaryOf(ctx.user, community),
    seat: facts.seat,
  })
  if (!topic.public && !relations.has('author') && !relations.has('secretary')) throw notFound('这个议题')
  return { topic, council, community, relations, facts }
}

/** Throws FORBIDDEN (wrong person) or CONFLICT STATE_CHANGED (wrong stage) unless the move is allowed now. */
export function ensureMove(event: TopicMove, topic: Topic, relations: ReadonlySet<TopicRelation>): void {
  const no = moveRefusal(event, topic, relations)
  if (!no) return
  throw no.code === 'CONFLICT' ? conflict(no.message, 'STATE_CHANGED') : forbidden(no.message)
}

/** The content check for what residents write (comments, notes): anything but `pass` is refused. */
export async function checkText(ctx: UserCtx, text: string): Promise<void> {
  if ((await ctx.openapi.checkText(ctx.openid, text, 2)) !== 'pass') throw invalid('内容含有不适宜的信息，请修改后再提交')
}

export interface MoveOpts {
  note?: string | null
  photos?: string[]
  /** Fields changed with the status (replaced whole when they are objects or arrays). */
  set?: Partial<Topic>
  /** More conditions the topic must still meet for the move to apply (e.g. `{ supports: 0 }` for withdraw). */
  where?: Record<string, unknown>
  /** The timeline entry's event, when it is not the move's own name (e.g. 'meeting'). */
  entryEvent?: TimelineEntry['event']
}

const RACE = '议题状态刚刚变了，请刷新后再看'

/**
 * The timeline entry, the update and the topic as it will be after `event` — for a command that makes the
 * move inside its own transaction (a support reaching the threshold).
 */
export function planMove(_: Command, now: Date, topic: Topic, event: TopicMove, byId: string | null, opts: MoveOpts) {
  const to = destination(event, topic)
  const entry: TimelineEntry = {
    at: now,
    event: opts.entryEvent ?? event,
    byId,
    from: topic.status,
    to,
    note: opts.note ?? null,
    ...(opts.photos?.length ? { photos: opts.photos } : {}),
  }
  const pub = PUBLIC_STATUSES.includes(to)
  const data: Record<string, unknown> = { ...opts.set, status: to, public: pub, updatedAt: now, timeline: _.push(entry) }
  // Plain objects and arrays are replaced whole (the SDK would otherwise merge them field by field).
  for (const [k, v] of Object.entries(data))
    if (k !== 'timeline' && v !== null && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) data[k] = _.set(v)
  const after = { ...topic, ...(opts.set ?? {}), status: to, public: pub, updatedAt: now, timeline: [...topic.timeline, entry] } as Topic
  return { data, after, entry }
}

/**
 * Move the topic from its status by `event`, atomically: the update (and the community's counters, counters.ts)
 * applies only if the status (and `opts.where`) is still what was read; otherwise CONFLICT (STATE_CHANGED) and
 * nothing changes. The timeline
 * entry is pushed in the same update and `public` follows the status. Returns the topic as it now is.
 */
export async function moveTopic(deps: Pick<Deps, 'db' | 'now'>, topic: Topic, event: TopicMove, byId: string | null, opts: MoveOpts = {}): Promise<Topic> {
  const { data, after } = planMove(deps.db.command, deps.now(), topic, event, byId, opts)
  // One transaction with the community's counters (counters.ts), applied only if the status is still as read.
  await runTx(deps.db, async (tx) => {
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || current.status !== topic.status) throw conflict(RACE, 'STATE_CHANGED')
    for (const [k, v] of Object.entries(opts.where ?? {})) if ((current as unknown as Record<string, unknown>)[k] !== v) throw conflict(RACE, 'STATE_CHANGED')
    await tx.collection(K.topics).doc(topic._id).update({ data })
    await countTopicIn(deps.db, tx, topic.communityId, topicDelta(current, after))
  })
  return after
}

/**
 * `moveTopic` for an audited secretary decision (moderation, merge, retire): the change and its audit entry in
 * one transaction, applied only if the topic is still in the status read. `also` writes more in the same
 * transaction (by document id only: the target of a merge, a comment). A racing move makes the transaction
 * conflict; it runs again, finds the new status and answers CONFLICT (STATE_CHANGED), changing nothing.
 */
export async function moveTopicAudited(
  ctx: UserCtx | (Ctx & { user: null }),
  topic: Topic,
  event: TopicMove,
  opts: MoveOpts & { audit: (after: Topic) => AuditInput; also?: (tx: Tx, after: Topic) => Promise<void> },
): Promise<Topic> {
  // The timer's moves (a vote closed when its window ended) are audited with no actor.
  const { data, after } = planMove(ctx.db.command, ctx.now(), topic, event, ctx.user?._id ?? null, opts)
  await runTx(ctx.db, async (tx) => {
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || current.status !== topic.status) throw conflict(RACE, 'STATE_CHANGED')
    for (const [k, v] of Object.entries(opts.where ?? {})) if ((current as unknown as Record<string, unknown>)[k] !== v) throw conflict(RACE, 'STATE_CHANGED')
    await tx.collection(K.topics).doc(topic._id).update({ data })
    await countTopicIn(ctx.db, tx, topic.communityId, topicDelta(current, after))
    if (opts.also) await opts.also(tx, after)
    await recordIn(tx, ctx, opts.audit(after))
  })
  return after
}

/** How a topic is named in the audit log. */
export const topicResource = (topic: Pick<Topic, '_id' | 'title'>) => ({ type: 'topic' as const, id: topic._id, label: topic.title })

/** The page a topic's messages open. */
export const topicPage = (topic: Pick<Topic, '_id' | 'communityId'>) => `packages/council/pages/topic/index?id=${topic._id}&c=${topic.communityId}`

/**
 * Tell the topic's author where it stands now (topicProgress: the topic, its stage's label, a note, the
 * time). An offline author is told through who entered it for them. A refused send is recorded for the
 * secretary (messages/send.ts), never thrown: a message never undoes the step that caused it.
 */
export async function notifyAuthor(deps: Pick<Deps, 'db' | 'openapi' | 'now'>, topic: Topic, note: string): Promise<void> {
  let user = await getById<User>(deps.db, 'users', topic.authorId)
  if (user?.offline && topic.enteredById !== topic.authorId) user = await getById<User>(deps.db, 'users', topic.enteredById)
  if (!user || user.offline) return
  await sendMessage(deps, {
    communityId: topic.communityId,
    userId: user._id,
    template: 'topicProgress',
    page: topicPage(topic),
    data: { thing1: thing(topic.title), phrase2: TOPIC_STATUS_LABELS[topic.status], thing3: thing(note), time4: timeValue(deps.now()) },
  })
}

/** The default council a community starts with (the secretary may change all of it through council.upsert). */
export function defaultCouncil(community: Pick<Community, '_id'>, now: Date): Council {
  return {
    _id: defaultCouncilId(community._id),
    communityId: community._id,
    name: '社区议事会',
    scope: 'community',
    compoundId: null,
    buildingId: null,
    settings: { ...DEFAULT_SETTINGS },
    seats: [],
    active: true,
    isDefault: true,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The community's default council `cc_<communityId>`, made with DEFAULT_SETTINGS on first use. Its id is
 * derived from the community, so racing first uses insert the same id: one wins, the others' duplicate is
 * what they wanted, and all read the one stored.
 */
export async function ensureDefaultCouncil(db: Db, community: Pick<Community, '_id'>, now: Date): Promise<Council> {
  const id = defaultCouncilId(community._id)
  const found = await getCouncil(db, id)
  if (found) return found
  await ensureDoc(db, K.councils, defaultCouncil(community, now))
  const made = await getCouncil(db, id)
  if (!made) throw conflict('议事会刚刚建立，请稍后再试', 'BUSY')
  return made
}

/** Refuse a resident's write they are not eligible for: FORBIDDEN, reason NOT_ELIGIBLE, the why in Chinese. */
export function ensureEligible(standing: Standing): asserts standing is { ok: true; identity: string } {
  if (!standing.ok) throw forbidden(standing.why, 'NOT_ELIGIBLE')
}

/** What a resident is told when the topic left the support stage before their tap. */
export const NOT_COLLECTING = '这个议题已经不在征集附议阶段了，请刷新后再看'
