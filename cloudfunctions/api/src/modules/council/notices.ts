/**
 * Telling many people about a topic, in batches that fit an invocation (the way party/cancelNotice.ts tells
 * everyone signed up to a cancelled activity): a `notify_jobs` document per notice, its first batch sent by
 * the action itself, the rest by the timer job `topic.notices`.
 *
 * - `topic.vote` (topic.openVote): the people who may vote — walked as the electorate is counted
 *   (votes.ts): verified residents of the council's place, then holders of a valid residence permit, or the
 *   representative seats — each checked with rules.ts voterStanding under the vote's frozen terms, and told
 *   by the 表决开始 message (topicVote) if they accepted it and their vote (or their household's) is not in
 *   yet. A household vote tells every eligible member: any of them may cast it.
 * - `topic.done` (topic.addMilestone done): everyone whose vote is stored (topic_votes topic_id), asked
 *   办成了吗？ by the 议题进展 message (topicProgress) if they accepted it.
 *
 * Only people with an unused acceptance of the template are sent anything (`subscriptions` count > 0), so a
 * notice to thousands records no refusal for those who never asked. Offline people are skipped.
 *
 * At most once per person: each batch first claims its range by a conditional update of the job's cursor
 * (from the position it read to the last id of the batch); a racing batch (the action's and a tick's, or a
 * repeated one) finds the cursor moved and sends nothing. A crash between the claim and the sends loses those
 * messages rather than sending them twice.
 */
import type { User } from '../../../../../types/org'
import type { Council, Topic, Vote } from '../../../../../types/council'
import type { Subscription } from '../../../../../types/messages'
import type { TemplateName } from '../../../../../types/templates'
import { ELIGIBILITY_LABELS } from '../../../../../types/vocabulary'
import type { Deps } from '../../platform/context'
import { afterIdOf, inParallel, type Batch, type Cursor } from '../../platform/batches'
import { chinaDay } from '../../platform/chinaTime'
import { ensureDoc, findMany, getById, updateWhere, type Db } from '../../platform/db'
import { C, getMany } from '../org/repo'
import { livesIn } from '../org/rules'
import { MSG, subscriptionId } from '../messages/repo'
import { thing, timeValue } from '../messages/rules'
import { sendMessage } from '../messages/send'
import { PT } from '../party/repo'
import { topicPage } from './core'
import { getCouncil, getTopic, K, voteId } from './repo'
import { voterStanding, type EligibilityFacts } from './rules'
import { seatOf } from './standing'

export const NOTICES_PER_BATCH = 50
export const SENDS_AT_ONCE = 10

type Phase = 'residents' | 'permits' | 'seats' | 'voters'

/** `notify_jobs/<id>`: one topic notice to many, sent in batches. */
export interface TopicNoticeJob {
  _id: string
  kind: 'topic.vote' | 'topic.done'
  status: 'pending' | 'done'
  topicId: string
  communityId: string
  /** Which people are being walked now, and the last id handled there (null: the phase's start). */
  phase: Phase
  phases: Phase[]
  after: string | null
  sent: number
  createdAt: Date
  doneAt: Date | null
}

/** The people a vote's notice walks, in order (as the electorate is counted). */
function votePhases(council: Council, topic: Topic): Phase[] {
  if (topic.vote?.eligibility === 'representatives') return ['seats']
  if (council.scope === 'migrants') return ['permits']
  if (council.scope === 'community' || council.scope === 'youth') return ['residents', 'permits']
  return ['residents']
}

/** Records the notice job (once: its id is the topic's, and the round's for 办成了吗). */
export async function startTopicNotice(deps: Pick<Deps, 'db' | 'now'>, kind: TopicNoticeJob['kind'], topic: Topic, council: Council): Promise<TopicNoticeJob> {
  const phases = kind === 'topic.vote' ? votePhases(council, topic) : (['voters'] as Phase[])
  const job: TopicNoticeJob = {
    _id: kind === 'topic.vote' ? `vote_${topic._id}` : `done_${topic._id}_${topic.feedback.round}`,
    kind,
    status: 'pending',
    topicId: topic._id,
    communityId: topic.communityId,
    phase: phases[0],
    phases,
    after: null,
    sent: 0,
    createdAt: deps.now(),
    doneAt: null,
  }
  await ensureDoc(deps.db, PT.noticeJobs, job)
  return (await getById<TopicNoticeJob>(deps.db, PT.noticeJobs, job._id)) ?? job
}

interface Page {
  /** The ids walked (the cursor moves to the last). */
  ids: string[]
  /** People to consider telling. */
  people: User[]
}

async function pageOf(db: Db, job: TopicNoticeJob, council: Council): Promise<Page> {
  const _ = db.command
  const range = job.after ? { _id: _.gt(job.after) } : {}
  const opts = { orderBy: [['_id', 'asc']] as [string, 'asc'][], limit: NOTICES_PER_BATCH }
  switch (job.phase) {
    case 'residents': {
      const place = council.scope === 'building' ? { buildingId: council.buildingId } : {}
      const people = await findMany<User>(db, C.users, { communityId: council.communityId, householdStatus: 'verified', ...place, ...range }, opts)
      return { ids: people.map((u) => u._id), people }
    }
    case 'permits': {
      const people = await findMany<User>(db, C.users, { 'residencePermit.communityId': council.communityId, ...range }, opts)
      // Those living here verified were told in the residents' walk (community and youth councils).
      const shown = job.phases.includes('residents') ? people.filter((u) => !livesIn(u, council.communityId)) : people
      return { ids: people.map((u) => u._id), people: shown }
    }
    case 'seats': {
      const ids = council.seats.filter((s) => s.seat === 'representative').map((s) => s.userId)
      const people = await getMany<User>(db, C.users, ids)
      // One batch: a council has at most 100 seats.
      return { ids: [], people: [...people.values()] }
    }
    case 'voters': {
      const votes = await findMany<Vote>(db, K.votes, { topicId: job.topicId, ...range }, opts)
      const people = await getMany<User>(
        db,
        C.users,
        votes.map((v) => v.voterId),
      )
      return { ids: votes.map((v) => v._id), people: [...people.values()] }
    }
  }
}

/**
 * Who of these may vote on the topic now and has not (their identity's vote is not stored yet: one read for
 * all). Compound councils: their building's compound, read once for all.
 */
async function mayVote(db: Db, council: Council, topic: Topic, people: User[], now: Date): Promise<User[]> {
  const today = chinaDay(now)
  const compounds = new Map<string, string | null>()
  if (council.scope === 'compound') {
    const buildings = await getMany<{ _id: string; compoundId: string }>(
      db,
      C.buildings,
      people.map((u) => u.buildingId).filter((b): b is string => !!b),
    )
    for (const [id, b] of buildings) compounds.set(id, b.compoundId)
  }
  const standing = people.map((u) => {
    const facts: EligibilityFacts = { user: u, compoundId: u.buildingId ? (compounds.get(u.buildingId) ?? null) : null, seat: seatOf(council, u._id), today }
    const s = voterStanding(council, topic.vote!.eligibility, facts)
    return { u, id: s.ok ? voteId(topic._id, s.identity) : null }
  })
  const cast = await getMany<Vote>(
    db,
    K.votes,
    standing.map((x) => x.id).filter((id): id is string => !!id),
  )
  return standing.filter((x) => x.id && !cast.has(x.id)).map((x) => x.u)
}

/** Of these people, those with an unused acceptance of the template (one read for all). */
async function subscribed(db: Db, people: User[], template: TemplateName): Promise<User[]> {
  const subs = await getMany<Subscription>(
    db,
    MSG.subscriptions,
    people.map((u) => subscriptionId(u._id, template)),
  )
  return people.filter((u) => !u.offline && (subs.get(subscriptionId(u._id, template))?.count ?? 0) > 0)
}

async function finish(db: Db, job: TopicNoticeJob, now: Date): Promise<void> {
  await updateWhere(db, PT.noticeJobs, { _id: job._id, status: 'pending' }, { status: 'done', doneAt: now })
  job.status = 'done'
}

/** Sends the next batch of one topic notice; answers how many were sent. */
export async function sendTopicNoticeBatch(deps: Pick<Deps, 'db' | 'now' | 'openapi'>, job: TopicNoticeJob): Promise<{ sent: number }> {
  const { db } = deps
  const _ = db.command
  const now = deps.now()
  const topic = await getTopic(db, job.topicId)
  const council = topic && (await getCouncil(db, topic.councilId))
  // A vote that closed (or a topic reopened) before everyone was told: the rest need not hear of it.
  const still = topic && council && (job.kind === 'topic.vote' ? topic.status === 'voting' : topic.status === 'done')
  if (!still) {
    await finish(db, job, now)
    return { sent: 0 }
  }
  const walked = await pageOf(db, job, council)
  const last = walked.ids.length < NOTICES_PER_BATCH || job.phase === 'seats'
  const next = job.phases[job.phases.indexOf(job.phase) + 1]
  const moved = last
    ? next
      ? { phase: next, after: null }
      : { status: 'done', doneAt: now, after: job.after }
    : { phase: job.phase, after: walked.ids[walked.ids.length - 1] }
  const template: TemplateName = job.kind === 'topic.vote' ? 'topicVote' : 'topicProgress'
  const eligible = job.kind === 'topic.vote' ? await mayVote(db, council, topic, walked.people, now) : walked.people
  const told = await subscribed(db, eligible, template)
  // Claim this range: only the batch that moves the cursor from where it read it sends.
  const claimed = await updateWhere(
    db,
    PT.noticeJobs,
    { _id: job._id, status: 'pending', phase: job.phase, after: job.after },
    { ...moved, sent: _.inc(told.length) },
  )
  Object.assign(job, moved)
  if (claimed !== 1) return { sent: 0 }
  const page = topicPage(topic)
  await inParallel(told, SENDS_AT_ONCE, async (u) => {
    const to = { communityId: topic.communityId, userId: u._id, page }
    if (job.kind === 'topic.vote')
      await sendMessage(deps, {
        ...to,
        template: 'topicVote',
        data: {
          thing1: thing(topic.title),
          time2: timeValue(topic.votingClosesAt!),
          thing3: thing(`${ELIGIBILITY_LABELS[topic.vote!.eligibility]}，请在截止前投票`),
        },
      })
    else
      await sendMessage(deps, {
        ...to,
        template: 'topicProgress',
        data: { thing1: thing(topic.title), phrase2: '已办结', thing3: thing('办成了吗？请告诉我们'), time4: timeValue(now) },
      })
  })
  job.sent += told.length
  return { sent: told.length }
}

/** The first batch now (small notices are sent at once); the timer sends the rest. Never throws. */
export async function noticeNow(deps: Pick<Deps, 'db' | 'now' | 'openapi'>, kind: TopicNoticeJob['kind'], topic: Topic, council: Council): Promise<void> {
  try {
    const job = await startTopicNotice(deps, kind, topic, council)
    if (job.status === 'pending') await sendTopicNoticeBatch(deps, job)
  } catch (err) {
    // The step is taken all the same; the timer sends what this batch did not.
    console.error('topic notice: first batch failed', kind, topic._id, err)
  }
}

const KINDS = ['topic.vote', 'topic.done']

/**
 * Timer job `topic.notices`: the next pending topic notice after the last one served (round robin, so one
 * vote with thousands to tell does not hold back another) gets its next batch; done when none is pending.
 */
export async function sendTopicNotices(deps: Deps, cursor: Cursor): Promise<Batch> {
  const _ = deps.db.command
  const last = afterIdOf(cursor)
  const pending = { status: 'pending', kind: _.in(KINDS) }
  let [job] = last ? await findMany<TopicNoticeJob>(deps.db, PT.noticeJobs, { ...pending, _id: _.gt(last) }, { orderBy: [['_id', 'asc']], limit: 1 }) : []
  if (!job) [job] = await findMany<TopicNoticeJob>(deps.db, PT.noticeJobs, pending, { orderBy: [['_id', 'asc']], limit: 1 })
  if (!job) return { counts: { sent: 0 }, cursor: null, done: true }
  const { sent } = await sendTopicNoticeBatch(deps, job)
  return { counts: { sent }, cursor: { after: job._id }, done: false }
}
