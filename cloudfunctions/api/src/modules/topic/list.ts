/**
 * topic.list — a community's topics newest first, cursor-paged by the time-ordered id, each list one
 * indexed range of database.json:
 *   (default)      the public list (`public`: not draft, withdrawn or hidden)           community_public_id
 *   status         one stage; draft, hidden and withdrawn only for the secretary         community_status_id
 *   councilId      one council's topics (public ones, or all for the secretary)          community_council_id
 *   mine           the caller's own topics, any status                                   community_author_id
 *   awaiting vote  topics in voting the caller may still vote on (eligible, their identity has not voted)
 *   awaiting feedback  done topics the caller voted on and has not answered 办成了吗 for this round
 * The awaiting lists are bounded per page: a page reads the next `limit` topics of that stage
 * (community_status_id) and keeps those that await the caller (one read of their votes, one of the feedback),
 * so a page may hold fewer than `limit` cards — even none — while `nextCursor` says there are more to look at.
 * Reading is public to anyone logged in (the decisions are public notices); names are masked.
 * Outcomes: a page of cards; NOT_FOUND for an unknown community; FORBIDDEN for the secretary's statuses;
 * INVALID_INPUT for a cursor that is not a topic id.
 */
import type { Page } from '../../../../../types/common'
import { TopicListInput, type Council, type Topic, type TopicCard, type Vote } from '../../../../../types/council'
import { defineAction, user as userAccess, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { findMany } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { getCommunity, getMany } from '../org/repo'
import { isSecretaryOf } from '../council/core'
import { feedbackId, K, voteId } from '../council/repo'
import { isTopicCursor, PUBLIC_STATUSES } from '../council/rules'
import { factsFor } from '../council/standing'
import { topicCards, voteStandingOf } from '../council/views'

async function list(ctx: UserCtx, input: ActionInput<'topic.list'>): Promise<Page<TopicCard>> {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  if (input.cursor !== undefined && !isTopicCursor(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const secretary = isSecretaryOf(user, community)
  const limit = input.limit ?? 20
  const _ = db.command

  const filter: Record<string, unknown> = { communityId: community._id }
  if (input.awaiting) filter.status = input.awaiting === 'vote' ? 'voting' : 'done'
  else if (input.mine) filter.authorId = user._id
  else if (input.councilId) filter.councilId = input.councilId
  if (!input.awaiting && input.status) {
    if (!PUBLIC_STATUSES.includes(input.status) && !secretary && !input.mine) throw forbidden('只有社区书记可以查看待审核和已隐藏的议题')
    filter.status = input.status
  }
  // The public list is the public list for everyone (the secretary's drafts and hidden topics are their own
  // status lists); a council's list is public topics only, but all of them for the secretary; one's own, all.
  if (!input.mine && !filter.status && !(input.councilId && secretary)) filter.public = true

  const where = input.cursor ? { ...filter, _id: _.lt(input.cursor) } : filter
  const docs = await findMany<Topic>(db, K.topics, where, { orderBy: [['_id', 'desc']], limit: limit + 1 })
  const page = docs.slice(0, limit)
  const nextCursor = docs.length > limit ? page[page.length - 1]._id : null
  const councils = await getMany<Council>(db, K.councils, [...new Set(page.map((t) => t.councilId))])
  const items = input.awaiting ? await awaitingMe(ctx, page, councils, input.awaiting) : page
  return { items: await topicCards(db, items, councils), nextCursor }
}

/** Of a page of topics in voting (or done), those still waiting for the caller's vote (or 办成了吗). */
async function awaitingMe(ctx: UserCtx, topics: Topic[], councils: Map<string, Council>, what: 'vote' | 'feedback'): Promise<Topic[]> {
  const { db, user } = ctx
  if (!topics.length) return []
  const now = ctx.now()
  if (what === 'vote') {
    // The caller's voting identity per council (their household or themselves), then which of those voted.
    const facts = new Map(await Promise.all([...councils.values()].map(async (c) => [c._id, await factsFor(db, c, user, now)] as const)))
    const open = topics.flatMap((t) => {
      const council = councils.get(t.councilId)
      if (!council || !t.votingClosesAt || new Date(t.votingClosesAt).getTime() <= now.getTime()) return []
      const standing = voteStandingOf(t, council, facts.get(council._id)!)
      return standing.ok ? [{ t, id: voteId(t._id, standing.identity) }] : []
    })
    const cast = await getMany<Vote>(
      db,
      K.votes,
      open.map((o) => o.id),
    )
    return open.filter((o) => !cast.has(o.id)).map((o) => o.t)
  }
  // 办成了吗 is asked of those who voted: the caller's own votes on these topics, then their answers this round.
  const mine = await findMany<Vote>(db, K.votes, { voterId: user._id, topicId: db.command.in(topics.map((t) => t._id)) }, { limit: 100 })
  const voted = new Set(mine.map((v) => v.topicId))
  const asked = topics.filter((t) => voted.has(t._id))
  const answered = await getMany<{ _id: string }>(
    db,
    K.feedback,
    asked.map((t) => feedbackId(t._id, t.feedback.round, user._id)),
  )
  return asked.filter((t) => !answered.has(feedbackId(t._id, t.feedback.round, user._id)))
}

export default defineAction({ name: 'topic.list', input: TopicListInput, access: userAccess, writes: false, handler: list })
