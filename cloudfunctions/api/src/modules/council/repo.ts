/**
 * Collections and ids of the council area. Topic and comment ids are time-ordered (`t` / `k` + time +
 * random), so every list pages newest-first by `_id` on a (communityId, …, _id) index of database.json.
 * Supports, votes, feedback and reports have ids made of what must be unique (topic + person, topic +
 * voting identity), so the database itself refuses a second one.
 */
import type { Council, Topic } from '../../../../../types/council'
import { getById, newId, type Db } from '../../platform/db'

export const K = {
  councils: 'councils',
  topics: 'topics',
  supports: 'topic_supports',
  votes: 'topic_votes',
  comments: 'topic_comments',
  feedback: 'topic_feedback',
  reports: 'topic_reports',
} as const

const timeOrdered = (prefix: string, now: Date) => prefix + now.getTime().toString(36).padStart(9, '0') + newId().slice(0, 12)
export const newTopicId = (now: Date) => timeOrdered('t', now)
export const newCommentId = (now: Date) => timeOrdered('k', now)

export const supportId = (topicId: string, userId: string) => `${topicId}_${userId}`
export const voteId = (topicId: string, identity: string) => `${topicId}_${identity}`
export const feedbackId = (topicId: string, round: number, userId: string) => `${topicId}_${round}_${userId}`
export const reportId = (targetId: string, userId: string) => `${targetId}_${userId}`
/** The community's default council: one per community, made on first use. */
export const defaultCouncilId = (communityId: string) => `cc_${communityId}`
/** A building's council and a compound's: one each (council.upsert adds it under this id, so the database refuses a second). */
export const buildingCouncilId = (buildingId: string) => `cb_${buildingId}`
export const compoundCouncilId = (compoundId: string) => `cp_${compoundId}`
/** Any other council (youth, migrants, a second community council). */
export const newCouncilId = () => `cn_${newId()}`

export const getTopic = (db: Db, id: string) => getById<Topic>(db, K.topics, id)
export const getCouncil = (db: Db, id: string) => getById<Council>(db, K.councils, id)

/** The total of a `where(…)` query's count(): one count request, no document read. */
export async function totalOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total
}

/** One report 举报 of a topic or a comment by one person (`_id` reportId(target, person)): three people hide it. */
export interface TopicReport {
  _id: string
  communityId: string
  topicId: string
  /** The comment reported, or null when the topic itself is. */
  commentId: string | null
  userId: string
  reason: string | null
  at: Date
}
