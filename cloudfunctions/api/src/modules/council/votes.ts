/**
 * Votes: who may vote and how many could (the electorate), casting one vote per identity across channels,
 * the tally, the close, and the points a vote and an adopted topic earn.
 *
 * One vote per identity. A vote is a document whose `_id` is `${topicId}_${identity}` (the household for
 * household councils, the person otherwise: rules.ts voterStanding), so the database itself refuses a second
 * one — online or recorded offline, from the same person or another member of the household — and the vote
 * never writes the topic document (it would be a hot document under hundreds of votes a second). The counts
 * are computed from the stored votes when they are needed (one aggregation).
 *
 * The window. Votes are taken while now < votingClosesAt. A vote admitted just before the end may still be on
 * its way to the database when the window ends, but never longer than the function's timeout (the platform
 * ends the invocation); so a vote is closed — tallied and decided — only once CLOSE_GRACE_MS has passed after
 * its end, when every admitted vote has landed. A secretary ending a vote early first moves its end to now
 * (`stopVote`) and publishes the result after the same grace. A vote that still lands after the close (a
 * straggler) finds the topic decided when it looks again after writing, and takes itself back: the published
 * tally always equals the stored votes.
 *
 * The electorate is counted when the vote opens (a quorum is a share of it), from verified data only, by the
 * same rules as voterStanding:
 * - representatives: the council's representative seats (read from the council, no query);
 * - building / compound / community / youth councils: verified residents of the place (users index
 *   household_queue: communityId, householdStatus, then buildingId / verifiedBirthYear as filters) — for
 *   household eligibility the distinct households among them (one aggregation: $group by householdId,
 *   $count), for resident eligibility the people (one count);
 * - community, youth and migrants councils also admit a valid residence permit for this community (index
 *   permit_community_id): permit holders who do not live here verified vote as persons (one count more);
 *   a migrants council counts only permit holders (household eligibility: a verified household here is one
 *   identity, anyone else a person — one aggregation).
 */
import type { User } from '../../../../../types/org'
import type { Council, Eligibility, Tally, Topic, Vote, VoteChannel, VoteChoice } from '../../../../../types/council'
import type { Ctx, Deps, UserCtx } from '../../platform/context'
import { afterIdOf, notSkipped, queueBatch, skippedOf, type Batch, type Cursor } from '../../platform/batches'
import { chinaDay } from '../../platform/chinaTime'
import { findMany, isDuplicateKey, newId, readAll, updateWhere, type Db } from '../../platform/db'
import { AppError } from '../../platform/errors'
import { C } from '../org/repo'
import { credit } from '../points/earn'
import { moveTopicAudited, notifyAuthor, topicResource } from './core'
import { closeGraceMs } from './grace'
import { getTopic, K, totalOf, voteId } from './repo'
import { decide } from './rules'

const DAY = 86_400_000

/** How long after a vote's end it is tallied (council/grace.ts). */
export { closeGraceMs }

// ---------- The electorate ----------

/** The first birth year a youth council admits this (China) year. */
const youngestFrom = (council: Council, today: string) => Number(today.slice(0, 4)) - (council.settings.youthMaxAge ?? 35)

/** The place filter on users for a building or compound council (users carry their building). */
async function placeFilter(db: Db, council: Council): Promise<Record<string, unknown>> {
  if (council.scope === 'building') return { buildingId: council.buildingId }
  if (council.scope === 'compound') {
    const buildings = await readAll<{ _id: string }>(db, C.buildings, { compoundId: council.compoundId }, 500)
    return { buildingId: db.command.in(buildings.map((b) => b._id)) }
  }
  return {}
}

/** Do permits admit people to this council (rules.ts inScope)? */
export const admitsPermits = (council: Pick<Council, 'scope'>) => council.scope === 'community' || council.scope === 'youth' || council.scope === 'migrants'

/** The voting identities the topic's vote could count now (see the header for how). */
export async function countElectorate(db: Db, council: Council, eligibility: Eligibility, now: Date): Promise<number> {
  if (eligibility === 'representatives') return council.seats.filter((s) => s.seat === 'representative').length
  const _ = db.command
  const $ = _.aggregate
  const today = chinaDay(now)
  const birth = council.scope === 'youth' ? { verifiedBirthYear: _.gte(youngestFrom(council, today)) } : {}
  const distinct = async (match: object, key: unknown) => {
    const res = (await db.collection(C.users).aggregate().match(match).group({ _id: key }).count('n').end()) as { list: { n: number }[] }
    return res.list[0]?.n ?? 0
  }
  const permit = { 'residencePermit.communityId': council.communityId, 'residencePermit.expiresOn': _.gte(today) }
  if (council.scope === 'migrants') {
    if (eligibility === 'resident') return totalOf(db.collection(C.users).where(permit))
    const livesHere = $.and([$.eq(['$householdStatus', 'verified']), $.eq(['$communityId', council.communityId])])
    return distinct(permit, $.cond({ if: livesHere, then: '$householdId', else: '$_id' }))
  }
  const residents = { communityId: council.communityId, householdStatus: 'verified', ...(await placeFilter(db, council)), ...birth }
  const counted = eligibility === 'household' ? await distinct(residents, '$householdId') : await totalOf(db.collection(C.users).where(residents))
  if (!admitsPermits(council)) return counted
  // Permit holders who do not live here verified (those who do were counted above, as their household or themselves).
  const newcomers = await totalOf(
    db.collection(C.users).where(_.and([{ ...permit, ...birth }, _.or([{ communityId: _.neq(council.communityId) }, { householdStatus: _.neq('verified') }])])),
  )
  return counted + newcomers
}

// ---------- Casting ----------

export interface Ballot {
  voter: Pick<User, '_id'>
  identity: string
  choice: VoteChoice
  channel: VoteChannel
  meetingId: string | null
  recordedById: string | null
}

export type CastOutcome = { ok: true; vote: Vote } | { ok: false; reason: 'duplicate' | 'closed' }

/** Is the topic's vote open now (the window, not only the status)? */
export const voteOpen = (topic: Pick<Topic, 'status' | 'votingClosesAt'>, now: Date) =>
  topic.status === 'voting' && !!topic.votingClosesAt && now.getTime() < new Date(topic.votingClosesAt).getTime()

/**
 * Store one vote for its identity: `add` with the derived id, so a second vote of the identity is refused by
 * the database whatever its channel. Then the topic is looked at again: a vote that landed after the close
 * (a straggler past the grace) takes itself back. The topic document is never written.
 */
export async function castVote(deps: Pick<Deps, 'db' | 'now'>, topic: Topic, b: Ballot): Promise<CastOutcome> {
  const vote: Vote = {
    _id: voteId(topic._id, b.identity),
    topicId: topic._id,
    communityId: topic.communityId,
    identity: b.identity,
    voterId: b.voter._id,
    choice: b.choice,
    channel: b.channel,
    meetingId: b.meetingId,
    recordedById: b.recordedById,
    at: deps.now(),
    // Paid by the timer (payOwedPoints), never inline: see payVotePoints.
    pointsPending: true,
  }
  try {
    await deps.db.collection(K.votes).add({ data: vote })
  } catch (err) {
    if (isDuplicateKey(err)) return { ok: false, reason: 'duplicate' }
    throw err
  }
  const now = await getTopic(deps.db, topic._id)
  if (!now || now.status !== 'voting') {
    await deps.db.collection(K.votes).doc(vote._id).remove()
    return { ok: false, reason: 'closed' }
  }
  return { ok: true, vote }
}

/** The words for a refused vote: a duplicate of the identity, or a vote that came too late. */
export function castRefusal(reason: 'duplicate' | 'closed', identity: string, offline = false): string {
  if (reason === 'closed') return '表决已经截止了'
  if (identity.startsWith('h_')) return offline ? '这户已经投过票了（每户一票，线上线下合计）' : '您家已经投过票了'
  return offline ? '这位居民已经投过票了' : '您已经投过票了'
}

// ---------- Points ----------

/**
 * 参与议事 for a vote, once per identity (`council:vote:<topicId>:<identity>`), to the person who voted — paid by
 * the timer (payOwedPoints), not by the vote. Every credit is a transaction on the paying sponsor's cached
 * balance, one document for the whole community: paid inline, 500 votes a second queue on it (measured by
 * `npm run bench -- topic.vote`: p95 4.5 s with the payment, 0.2 s without). So a vote is stored owed
 * (`pointsPending: true`) and the timer pays owed votes in batches every tick; a payment that fails (no
 * budget) leaves the vote owed until one can — it never undoes the vote.
 */
export async function payVotePoints(deps: Pick<Deps, 'db' | 'now'>, topic: Pick<Topic, '_id' | 'title'>, vote: Vote): Promise<void> {
  try {
    await credit(deps.db, deps.now(), {
      communityId: vote.communityId,
      userId: vote.voterId,
      kind: 'council_participation',
      quantity: 1,
      key: `council:vote:${topic._id}:${vote.identity}`,
      reason: `参与表决：${topic.title}`,
      cause: { type: 'topic', id: topic._id },
      byUserId: vote.recordedById,
    })
    if (vote.pointsPending) await updateWhere(deps.db, K.votes, { _id: vote._id }, { pointsPending: false })
  } catch (err) {
    if (!(err instanceof AppError)) console.error('vote points not paid, owed', vote._id, err)
    if (!vote.pointsPending) await updateWhere(deps.db, K.votes, { _id: vote._id }, { pointsPending: true })
  }
}

/** Topics entered on paper, at the door or by phone without naming a resident have nobody to pay. */
const anonymous = (t: Pick<Topic, 'channel' | 'authorId' | 'enteredById'>) => ['paper', 'door', 'phone'].includes(t.channel) && t.authorId === t.enteredById

/** 建议被采纳 for a topic that passed, once (`council:adopted:<topicId>`), to its author; owed if it cannot be paid now. */
export async function payAdoption(deps: Pick<Deps, 'db' | 'now'>, topic: Topic): Promise<void> {
  if (topic.outcome !== 'passed' || anonymous(topic)) return
  try {
    await credit(deps.db, deps.now(), {
      communityId: topic.communityId,
      userId: topic.authorId,
      kind: 'suggestion_adopted',
      quantity: 1,
      key: `council:adopted:${topic._id}`,
      reason: `建议被采纳：${topic.title}`,
      cause: { type: 'topic', id: topic._id },
      byUserId: null,
    })
    if (topic.pointsPending) await updateWhere(deps.db, K.topics, { _id: topic._id }, { pointsPending: false })
  } catch (err) {
    if (!(err instanceof AppError)) console.error('adoption points not paid, owed', topic._id, err)
    if (!topic.pointsPending) await updateWhere(deps.db, K.topics, { _id: topic._id }, { pointsPending: true })
  }
}

// ---------- Tally and close ----------

/** The counts of the stored votes: ONE aggregation on topic_votes (topicId), grouped by choice and channel. */
export async function tallyOf(db: Db, topicId: string): Promise<Tally> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(K.votes)
    .aggregate()
    .match({ topicId })
    .group({ _id: { choice: '$choice', channel: '$channel' }, n: $.sum(1) })
    .limit(100)
    .end()) as { list: { _id: { choice: VoteChoice; channel: VoteChannel }; n: number }[] }
  const t: Tally = { yes: 0, no: 0, abstain: 0, online: 0, offline: 0 }
  for (const g of res.list) {
    t[g._id.choice] += g.n
    if (g._id.channel === 'online') t.online += g.n
    else t.offline += g.n
  }
  return t
}

/** May the vote be tallied now: its window ended at least the grace ago. */
export const closable = (topic: Pick<Topic, 'votingClosesAt'>, now: Date) =>
  !!topic.votingClosesAt && now.getTime() >= new Date(topic.votingClosesAt).getTime() + closeGraceMs()

/**
 * End a vote early (a secretary's close before the announced end): its end moves to now, so no vote is
 * admitted from here on; the result is published after the grace. Conditional on the vote still running.
 */
export async function stopVote(deps: Pick<Deps, 'db' | 'now'>, topic: Topic): Promise<Topic | null> {
  const now = deps.now()
  const _ = deps.db.command
  const cond = { _id: topic._id, status: 'voting', votingClosesAt: _.gt(now) }
  const stopped = await updateWhere(deps.db, K.topics, cond, { votingClosesAt: now, 'vote.closesAt': now, updatedAt: now })
  if (stopped !== 1) return null
  return { ...topic, votingClosesAt: now, vote: topic.vote && { ...topic.vote, closesAt: now }, updatedAt: now }
}

/** What the timer passes where a person's context would be: audited with no actor. */
export const timerCtx = (deps: Deps, action: string): Ctx & { user: null } => ({ ...deps, action, requestId: newId('timer'), user: null })

/**
 * Tally the stored votes, decide by the topic's frozen terms (rules.ts decide), and move voting → decided with
 * the tally, outcome and its words — one transaction with the audit entry (the secretary's, or the timer's
 * with no actor). Then: a passed topic's author earns 建议被采纳 (once), and the author is told.
 */
export async function closeVote(ctx: UserCtx | (Ctx & { user: null }), topic: Topic): Promise<Topic> {
  const tally = await tallyOf(ctx.db, topic._id)
  const { outcome, note } = decide(tally, topic.vote!)
  const after = await moveTopicAudited(ctx, topic, 'close', {
    set: { tally, outcome, outcomeNote: note, decidedAt: ctx.now() },
    note,
    audit: () => ({
      communityId: topic.communityId,
      action: 'topic.close',
      resource: topicResource(topic),
      before: { status: topic.status },
      after: { status: 'decided', outcome, tally },
    }),
  })
  await payAdoption(ctx, after)
  await notifyAuthor(ctx, after, outcome === 'passed' ? '表决通过，接下来会公布落实进展' : '表决未通过，结果已公示')
  return after
}

export const CLOSES_PER_BATCH = 10
export const PAYS_PER_BATCH = 50

/**
 * Timer job `topic.closeVotes`: votes whose window ended at least the grace ago are tallied and decided, the
 * oldest first (index status_closes). A queue: a closed topic leaves the query; one that fails is skipped
 * until the next pass; one a secretary closed meanwhile is simply gone.
 */
export async function closeDueVotes(deps: Deps, cursor: Cursor): Promise<Batch> {
  const _ = deps.db.command
  const skip = skippedOf(cursor)
  const due = await findMany<Topic>(
    deps.db,
    K.topics,
    { status: 'voting', votingClosesAt: _.lte(new Date(deps.now().getTime() - closeGraceMs())), ...notSkipped(deps.db, skip) },
    {
      orderBy: [
        ['votingClosesAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: CLOSES_PER_BATCH,
    },
  )
  let closed = 0
  for (const t of due) {
    try {
      await closeVote(timerCtx(deps, 'topic.close'), t)
      closed++
    } catch (err) {
      if (err instanceof AppError && err.reason === 'STATE_CHANGED') continue
      console.error('topic.closeVotes: could not close', t._id, err)
      skip.push(t._id)
    }
  }
  return queueBatch({ closed }, due.length, CLOSES_PER_BATCH, skip)
}

/**
 * Timer job `topic.payOwed`: every vote's 参与议事 (votes are stored owed: payVotePoints) and 建议被采纳 owed
 * for passed topics (no budget when they passed) are paid when a budget can; the credit keys make a payment
 * that did get through a no-op. Two walks by _id (indexes points_pending), a paid one leaving the walk; one
 * that cannot be paid yet stays owed until the next pass.
 */
export async function payOwedPoints(deps: Deps, cursor: Cursor): Promise<Batch> {
  const _ = deps.db.command
  const phase = cursor?.phase === 'topics' ? 'topics' : 'votes'
  const after = afterIdOf(cursor)
  const range = after ? { _id: _.gt(after) } : {}
  if (phase === 'votes') {
    const owed = await findMany<Vote>(deps.db, K.votes, { pointsPending: true, ...range }, { orderBy: [['_id', 'asc']], limit: PAYS_PER_BATCH })
    const topics = new Map<string, Promise<Topic | null>>()
    for (const v of owed) {
      if (!topics.has(v.topicId)) topics.set(v.topicId, getTopic(deps.db, v.topicId))
      await payVotePoints(deps, (await topics.get(v.topicId)) ?? { _id: v.topicId, title: '议题' }, v)
    }
    const more = owed.length === PAYS_PER_BATCH
    return { counts: { votes: owed.length }, cursor: more ? { phase, after: owed[owed.length - 1]._id } : { phase: 'topics' }, done: false }
  }
  const owed = await findMany<Topic>(deps.db, K.topics, { pointsPending: true, ...range }, { orderBy: [['_id', 'asc']], limit: PAYS_PER_BATCH })
  for (const t of owed) await payAdoption(deps, t)
  const more = owed.length === PAYS_PER_BATCH
  return { counts: { topics: owed.length }, cursor: more ? { phase, after: owed[owed.length - 1]._id } : null, done: !more }
}

/** When a vote opened now closes. */
export const closesAtFrom = (now: Date, votingDays: number) => new Date(now.getTime() + votingDays * DAY)
