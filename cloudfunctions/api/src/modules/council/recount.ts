/**
 * 'council.topics' recount (counters/registry.ts): each topic's `supports` (its topic_supports documents) and
 * `comments` (its visible comments), walked by topic `_id` 100 topics a batch: one read of the topics, then one
 * aggregation per counter over that batch's topics (topic_supports.topic_id, topic_comments.topic_status_id).
 * Tallies are not running counters (one aggregation at close, stored once), so there is nothing to repair.
 */
import type { Topic } from '../../../../../types/council'
import { afterIdOf, type Cursor } from '../../platform/batches'
import type { Deps } from '../../platform/context'
import { findMany } from '../../platform/db'
import type { Drift, Recount } from '../counters/registry'
import { countsBy, settle } from '../counters/tally'
import { K } from './repo'

const BATCH = 100

export const recountTopics: Recount = async (deps: Deps, cursor: Cursor, opts) => {
  const { db } = deps
  const _ = db.command
  const after = afterIdOf(cursor)
  const topics = await findMany<Pick<Topic, '_id' | 'supports' | 'comments'>>(db, K.topics, after ? { _id: _.gt(after) } : {}, {
    orderBy: [['_id', 'asc']],
    limit: BATCH,
    field: { _id: true, supports: true, comments: true },
  })
  const drift: Drift[] = []
  if (topics.length) {
    const ids = topics.map((t) => t._id)
    const [supports, comments] = await Promise.all([
      countsBy(db, K.supports, { topicId: _.in(ids) }, 'topicId'),
      countsBy(db, K.comments, { topicId: _.in(ids), status: 'visible' }, 'topicId'),
    ])
    for (const t of topics) {
      const where = (field: string) => ({ collection: K.topics, id: t._id, field })
      const found = [
        await settle(db, opts, where('supports'), 'topic.supports', t.supports ?? 0, supports.get(t._id) ?? 0),
        await settle(db, opts, where('comments'), 'topic.comments', t.comments ?? 0, comments.get(t._id) ?? 0),
      ]
      for (const d of found) if (d) drift.push(d)
    }
  }
  const done = topics.length < BATCH
  return { counts: { topics: topics.length, drift: drift.length, fixed: drift.filter((d) => d.fixed).length }, cursor: done ? null : { after: topics[topics.length - 1]._id }, done, drift }
}
