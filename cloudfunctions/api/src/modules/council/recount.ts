/**
 * 'council.topics' recount (counters/registry.ts), in two walks:
 * 1. each topic's `supports` (its topic_supports documents), `comments` (its visible comments) and this round's
 *    办成了吗 `feedback.yes` / `no` (its topic_feedback answers), by topic `_id`, 100 topics a batch: one read of
 *    the topics, then one aggregation per counter over that batch's topics (topic_supports.topic_id,
 *    topic_comments.topic_status_id, topic_feedback.topic_round);
 * 2. each community's council counters (counters.ts), by community `_id`, 5 a batch: ONE aggregation over the
 *    community's topics (community_status_id) grouped by status and outcome, summing the tallies. A wrong
 *    document is replaced only if its `v` is still the one read (a topic's change meanwhile raises it).
 * Tallies are taken once at the close (one aggregation of the stored votes), so they are not recounted.
 */
import type { Topic, TopicStatus } from '../../../../../types/council'
import type { Community } from '../../../../../types/org'
import { afterIdOf, type Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { findMany, getById, isDuplicateKey, updateWhere, type Db } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { countsBy, settle } from '../counters/tally'
import { COUNTERS_COLLECTION, type CouncilCounters } from './counters'
import { K } from './repo'

const TOPICS_BATCH = 100
const COMMUNITIES_BATCH = 5

async function topicCounters(db: Db, after: string | null, opts: { fix: boolean }) {
  const _ = db.command
  const topics = await findMany<Pick<Topic, '_id' | 'supports' | 'comments' | 'feedback'>>(db, K.topics, after ? { _id: _.gt(after) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: TOPICS_BATCH,
    field: { _id: true, supports: true, comments: true, feedback: true },
  })
  const drift: Drift[] = []
  if (topics.length) {
    const ids = topics.map((t) => t._id)
    const $ = _.aggregate
    const [supports, comments, answers] = await Promise.all([
      countsBy(db, db.collection(K.supports), { topicId: _.in(ids) }, 'topicId'),
      countsBy(db, db.collection(K.comments), { topicId: _.in(ids), status: 'visible' }, 'topicId'),
      // 办成了吗 answers by topic, round and answer (topic_feedback.topic_round)
      db
        .collection(K.feedback)
        .aggregate()
        .match({ topicId: _.in(ids) })
        .group({ _id: { topicId: '$topicId', round: '$round', done: '$done' }, n: $.sum(1) })
        .limit(10_000)
        .end() as Promise<{ list: { _id: { topicId: string; round: number; done: boolean }; n: number }[] }>,
    ])
    const answered = new Map(answers.list.map((g) => [`${g._id.topicId}_${g._id.round}_${g._id.done}`, g.n]))
    for (const t of topics) {
      const fix = (field: 'supports' | 'comments', stored: number, actual: number) => () =>
        updateWhere(db, K.topics, { _id: t._id, [field]: stored }, { [field]: actual })
      const s = { stored: t.supports ?? 0, actual: supports.get(t._id) ?? 0 }
      const k = { stored: t.comments ?? 0, actual: comments.get(t._id) ?? 0 }
      for (const d of [
        await settle(opts, 'topic.supports', t._id, s.stored, s.actual, fix('supports', s.stored, s.actual)),
        await settle(opts, 'topic.comments', t._id, k.stored, k.actual, fix('comments', k.stored, k.actual)),
      ])
        if (d) drift.push(d)
      // this round's 办成了吗 counts, fixed only while the round and both counts are still as read
      const f = t.feedback ?? { yes: 0, no: 0, round: 0 }
      const yes = answered.get(`${t._id}_${f.round}_true`) ?? 0
      const no = answered.get(`${t._id}_${f.round}_false`) ?? 0
      if (f.yes !== yes || f.no !== no) {
        const fixed = opts.fix
          ? (await updateWhere(
              db,
              K.topics,
              { _id: t._id, 'feedback.round': f.round, 'feedback.yes': f.yes, 'feedback.no': f.no },
              { 'feedback.yes': yes, 'feedback.no': no },
            )) === 1
          : false
        if (f.yes !== yes) drift.push({ counter: 'topic.feedback.yes', key: t._id, stored: f.yes, actual: yes, fixed })
        if (f.no !== no) drift.push({ counter: 'topic.feedback.no', key: t._id, stored: f.no, actual: no, fixed })
      }
    }
  }
  return { drift, seen: topics.length, last: topics[topics.length - 1]?._id ?? null }
}

type Figures = Pick<CouncilCounters, 'byStatus' | 'passed' | 'rejected' | 'votesTallied'>

/** A community's figures from its topics: one aggregation. */
async function communityFigures(db: Db, communityId: string): Promise<Figures> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(K.topics)
    .aggregate()
    .match({ communityId })
    .group({
      _id: { status: '$status', outcome: '$outcome' },
      n: $.sum(1),
      votes: $.sum($.add([$.ifNull(['$tally.yes', 0]), $.ifNull(['$tally.no', 0]), $.ifNull(['$tally.abstain', 0])])),
    })
    .limit(1000)
    .end()) as { list: { _id: { status: TopicStatus; outcome?: string | null }; n: number; votes: number }[] }
  const f: Figures = { byStatus: {}, passed: 0, rejected: 0, votesTallied: 0 }
  for (const g of res.list) {
    f.byStatus[g._id.status] = (f.byStatus[g._id.status] ?? 0) + g.n
    if (g._id.outcome === 'passed') f.passed += g.n
    if (g._id.outcome === 'rejected') f.rejected += g.n
    f.votesTallied += g.votes
  }
  return f
}

async function communityCounters(db: Db, after: string | null, opts: { fix: boolean }) {
  const _ = db.command
  const communities = await findMany<Pick<Community, '_id'>>(db, 'communities', after ? { _id: _.gt(after) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: COMMUNITIES_BATCH,
    field: { _id: true },
  })
  const drift: Drift[] = []
  for (const c of communities) {
    const stored = await getById<CouncilCounters>(db, COUNTERS_COLLECTION, c._id)
    const actual = await communityFigures(db, c._id)
    const wrong: Drift[] = []
    const statuses = new Set([...Object.keys(stored?.byStatus ?? {}), ...Object.keys(actual.byStatus)]) as Set<TopicStatus>
    for (const s of statuses) {
      const have = stored?.byStatus[s] ?? 0
      const want = actual.byStatus[s] ?? 0
      if (have !== want) wrong.push({ counter: `council.byStatus.${s}`, key: c._id, stored: have, actual: want, fixed: false })
    }
    for (const k of ['passed', 'rejected', 'votesTallied'] as const)
      if ((stored?.[k] ?? 0) !== actual[k]) wrong.push({ counter: `council.${k}`, key: c._id, stored: stored?.[k] ?? 0, actual: actual[k], fixed: false })
    if (!wrong.length) continue
    let fixed = false
    if (opts.fix) {
      if (stored)
        fixed =
          (await updateWhere(db, COUNTERS_COLLECTION, { _id: c._id, v: stored.v }, { ...actual, byStatus: _.set(actual.byStatus), v: stored.v + 1 })) === 1
      else
        try {
          await db.collection(COUNTERS_COLLECTION).add({ data: { _id: c._id, communityId: c._id, ...actual, v: 1 } })
          fixed = true
        } catch (err) {
          if (!isDuplicateKey(err)) throw err // a topic's change made it meanwhile: the next run looks again
        }
    }
    for (const w of wrong) drift.push({ ...w, fixed })
  }
  return { drift, seen: communities.length, last: communities[communities.length - 1]?._id ?? null }
}

export const recountTopics: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const phase = cursor?.phase === 'communities' ? 'communities' : 'topics'
  const after = afterIdOf(cursor)
  if (phase === 'topics') {
    const r = await topicCounters(db, after, opts)
    const counts = { topics: r.seen, drift: r.drift.length, fixed: r.drift.filter((d) => d.fixed).length }
    // the topics' walk is over: the communities' starts with the next batch
    return { counts, cursor: r.seen < TOPICS_BATCH ? { phase: 'communities' } : { phase, after: r.last }, done: false, drift: r.drift }
  }
  const r = await communityCounters(db, after, opts)
  const done = r.seen < COMMUNITIES_BATCH
  return {
    counts: { communities: r.seen, drift: r.drift.length, fixed: r.drift.filter((d) => d.fixed).length },
    cursor: done ? null : { phase, after: r.last },
    done,
    drift: r.drift,
  }
}
