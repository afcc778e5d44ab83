/**
 * topic.feedback — 办成了吗？ Someone who voted on a topic that is done answers 办成了 / 没办成, with a word if
 * they like. Only voters (their vote document, index voter_topic), one answer each per round (the answer's id
 * is topic, round and person, so a second is refused). The counts are kept on the topic, in one transaction
 * with the answer. When most voters say it is not done (rules.ts reopens: at least 3 and more no than yes),
 * the topic reopens to implementing in the same transaction — a new round of answers, the no-answers' words
 * in the public timeline — and the author is told.
 * Outcomes: TopicDetail (me.answeredFeedback); NOT_FOUND; FORBIDDEN NOT_ELIGIBLE for someone who did not
 * vote; INVALID_INPUT for unsuitable text; CONFLICT STATE_CHANGED when the topic is not done (or reopened
 * meanwhile); CONFLICT ALREADY_DONE for a second answer.
 */
import { TopicFeedbackInput, type TimelineEntry, type Topic, type TopicDetail, type TopicFeedback, type Vote } from '../../../../../types/council'
import { defineAction, user, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany, runTx, txGet } from '../../platform/db'
import { conflict, forbidden } from '../../platform/errors'
import { checkText, loadTopic, notifyAuthor } from '../council/core'
import { countTopicIn, topicDelta } from '../council/counters'
import { feedbackId, K } from '../council/repo'
import { reopens } from '../council/rules'
import { topicDetail } from '../council/views'

/** How many of the no-answers' words the reopening's timeline entry quotes. */
const QUOTED = 10

async function feedback(ctx: UserCtx, input: ActionInput<'topic.feedback'>): Promise<TopicDetail> {
  const { db } = ctx
  const _ = db.command
  const { topic, council, relations, facts } = await loadTopic(ctx, input.communityId, input.topicId)
  if (topic.status !== 'done') throw conflict('这个议题还没有办结，暂时不用回答', 'STATE_CHANGED')
  const [mine] = await findMany<Vote>(db, K.votes, { voterId: ctx.user._id, topicId: topic._id }, { limit: 1 })
  if (!mine) throw forbidden('只有参加了表决的居民可以回答“办成了吗”', 'NOT_ELIGIBLE')
  const comment = input.comment || null
  if (comment) await checkText(ctx, comment)
  const round = topic.feedback.round
  const id = feedbackId(topic._id, round, ctx.user._id)
  // Read before the transaction (a query cannot run inside one): the words of this round's no-answers so far.
  const noes = input.done ? [] : await findMany<TopicFeedback>(db, K.feedback, { topicId: topic._id, round, done: false }, { limit: QUOTED })
  const now = ctx.now()
  let after: Topic = topic
  let reopened = false
  await runTx(db, async (tx) => {
    const current = await txGet<Topic>(tx, K.topics, topic._id)
    if (!current || current.status !== 'done' || current.feedback.round !== round) throw conflict('议题状态刚刚变了，请刷新后再看', 'STATE_CHANGED')
    if (await txGet<TopicFeedback>(tx, K.feedback, id)) throw conflict('您已经回答过了，谢谢', 'ALREADY_DONE')
    const answer: TopicFeedback = {
      _id: id,
      topicId: topic._id,
      communityId: topic.communityId,
      userId: ctx.user._id,
      round,
      done: input.done,
      comment,
      at: now,
    }
    await tx.collection(K.feedback).add({ data: answer })
    const counts = { yes: current.feedback.yes + (input.done ? 1 : 0), no: current.feedback.no + (input.done ? 0 : 1), round }
    reopened = reopens(counts)
    if (!reopened) {
      await tx
        .collection(K.topics)
        .doc(topic._id)
        .update({ data: { feedback: _.set(counts), updatedAt: now } })
      after = { ...current, feedback: counts, updatedAt: now }
      return
    }
    const words = [comment, ...noes.map((f) => f.comment)].filter((w): w is string => !!w).slice(0, QUOTED)
    const note = `${counts.no} 位参与表决的居民认为还没办成${words.length ? `：${words.join('；')}` : ''}`
    const entry: TimelineEntry = { at: now, event: 'reopen', byId: null, from: 'done', to: 'implementing', note: Array.from(note).slice(0, 500).join('') }
    const next = { yes: 0, no: 0, round: round + 1 }
    await tx
      .collection(K.topics)
      .doc(topic._id)
      .update({ data: { status: 'implementing', public: true, feedback: _.set(next), timeline: _.push(entry), updatedAt: now } })
    after = { ...current, status: 'implementing', public: true, feedback: next, timeline: [...current.timeline, entry], updatedAt: now }
    await countTopicIn(db, tx, current.communityId, topicDelta(current, after))
  })
  if (reopened) await notifyAuthor(ctx, after, '多数居民认为还没办成，已重新落实')
  return topicDetail(db, after, council, { user: ctx.user, now, facts }, relations, { vote: mine, answeredFeedback: !reopened })
}

export default defineAction({ name: 'topic.feedback', input: TopicFeedbackInput, access: user, writes: true, handler: feedback })
