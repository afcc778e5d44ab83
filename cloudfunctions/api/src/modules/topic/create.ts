/**
 * topic.create — a resident raises a topic 提议题 in a council: the community's default council (made on
 * first use), the council named, or — with a building and no council named — that building's council when
 * it has one. Ways in (the channel, recorded on the topic and in its timeline):
 *   online  — the resident, in scope of the council (verified household / valid permit …; else NOT_ELIGIBLE);
 *   point   — the same, from a 居民说事点's QR poster (`pointScene`: a scene token of kind `talk_point` in
 *             scene_tokens (council.talkPoint; council/posters.ts), which fills in the place; an unknown token
 *             is NOT_FOUND);
 *   proxy   — a building head for a resident they act for (org/rules.ts actsFor), the resident is the author;
 *   paper / door / phone — a secretary entering a topic raised on paper, at the door or by phone, for a named
 *             resident (`onBehalfOf`) or, without one, as 居民 (no name shown).
 * The title and description pass the content check first: `risky` is refused (INVALID_INPUT); `review` —
 * and any topic with photos (there is no automated image check yet, as for wishes) — becomes a draft only
 * its author and the secretary see until a secretary approves it (topic.moderate); otherwise it is public at
 * once, collecting support, or straight in review when the council needs no support (threshold 0).
 * Outcomes: the new topic's detail; NOT_FOUND for an unknown community, council, resident or point;
 * INVALID_INPUT for refused content, a building of another community, an inactive council, a secretary's
 * entry for a resident without its channel; FORBIDDEN for entering for someone one does not act for, a
 * channel from anyone but a secretary, or NOT_ELIGIBLE with the why. Nothing is written on failure.
 */
import type { Building, User } from '../../../../../types/org'
import { TopicCreateInput, type Council, type TimelineEntry, type Topic, type TopicChannel } from '../../../../../types/council'
import { TOPIC_CHANNEL_LABELS } from '../../../../../types/vocabulary'
import { defineAction, user as userAccess, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { getById, runTx } from '../../platform/db'
import { forbidden, invalid, notFound } from '../../platform/errors'
import { C, getCommunity, getUser } from '../org/repo'
import { actsFor, listName } from '../org/rules'
import { defaultCouncil, ensureDefaultCouncil, isSecretaryOf, notifyAuthor } from '../council/core'
import { loadTalkPoint } from '../council/posters'
import { countTopicIn, topicDelta } from '../council/counters'
import { buildingCouncilId, defaultCouncilId, getCouncil, K, newTopicId } from '../council/repo'
import { inScope, topicRelations } from '../council/rules'
import { factsFor, participation } from '../council/standing'
import { topicDetail } from '../council/views'

/**
 * The council the topic goes to. The community's default council is made on first use — but only when the
 * topic is accepted (a refused topic writes nothing): until then `unsaved` is the default as it would be made.
 */
async function councilFor(ctx: UserCtx, community: { _id: string }, input: ActionInput<'topic.create'>): Promise<{ council: Council; unsaved: boolean }> {
  let council: Council | null = null
  if (input.councilId) {
    council = await getCouncil(ctx.db, input.councilId)
    if (!council || council.communityId !== community._id) throw notFound('这个议事会')
  } else if (input.buildingId) {
    // A building has at most one council, under an id made from the building (council.upsert).
    const own = await getCouncil(ctx.db, buildingCouncilId(input.buildingId))
    council = own && own.active && own.communityId === community._id ? own : null
  }
  let unsaved = false
  if (!council) {
    council = await getCouncil(ctx.db, defaultCouncilId(community._id))
    if (!council) {
      council = defaultCouncil(community, ctx.now())
      unsaved = true
    }
  }
  if (!council.active) throw invalid('这个议事会暂停接收议题了')
  return { council, unsaved }
}

async function create(ctx: UserCtx, input: ActionInput<'topic.create'>) {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const isSecretary = isSecretaryOf(user, community)
  if (input.channel && !isSecretary) throw forbidden('只有社区书记可以录入纸质、上门或电话收集的议题')

  // Who the topic is by, and how it came in.
  let author: User = user
  let channel: TopicChannel = input.channel ?? 'online'
  if (input.onBehalfOf && input.onBehalfOf !== user._id) {
    const resident = await getUser(db, input.onBehalfOf)
    if (!resident || resident.communityId !== community._id) throw notFound('这位居民')
    if (isSecretary && input.channel) channel = input.channel
    else if (actsFor(user, resident, community._id)) channel = 'proxy'
    else if (isSecretary) throw invalid('请选择这个议题是怎么收集来的：纸质、上门还是电话')
    else throw forbidden('只能为您代办的居民提交议题')
    author = resident
  }
  const [chosen, point, building] = await Promise.all([
    councilFor(ctx, community, input),
    input.pointScene ? loadTalkPoint(db, community._id, input.pointScene) : Promise.resolve(null),
    input.buildingId ? getById<Building>(db, C.buildings, input.buildingId) : Promise.resolve(null),
  ])
  let council = chosen.council
  if (input.buildingId && (!building || building.communityId !== community._id)) throw invalid('请选择本社区的楼栋')
  if (council.scope === 'building' && input.buildingId && input.buildingId !== council.buildingId) throw invalid('楼栋议事会只接收本楼栋的议题')
  if (point && channel === 'online') channel = 'point'

  // The author must be in the council's scope — except a secretary's entry of a topic raised without a name.
  const anonymous = author._id === user._id && (channel === 'paper' || channel === 'door' || channel === 'phone')
  if (!anonymous) {
    const standing = await participation(db, council, author, ctx.now())
    if (!standing.ok) throw forbidden(author._id === user._id ? standing.why : `${listName(author)}暂不能参与：${standing.why}`, 'NOT_ELIGIBLE')
  }

  const verdict = await ctx.openapi.checkText(ctx.openid, `${input.title}\n${input.description}`, 2)
  if (verdict === 'risky') throw invalid('议题内容含有不适宜的信息，请修改后再提交')
  const photos = input.photos ?? []
  const held = verdict === 'review' || photos.length > 0

  const now = ctx.now()
  // Accepted: now the default council is made (or, made meanwhile by someone else, read as stored).
  if (chosen.unsaved) council = await ensureDefaultCouncil(db, community, now)
  const how = channel === 'online' ? null : channel === 'point' ? `${TOPIC_CHANNEL_LABELS.point}：${point!.name}` : TOPIC_CHANNEL_LABELS[channel]
  const first: TimelineEntry = held
    ? { at: now, event: 'hold', byId: user._id, from: null, to: 'draft', note: how ? `${how}；内容需社区审核` : '内容需社区审核' }
    : { at: now, event: 'submit', byId: user._id, from: null, to: 'collecting', note: how }
  const timeline = [first]
  const straightToReview = !held && council.settings.supportThreshold === 0
  if (straightToReview) timeline.push({ at: now, event: 'threshold', byId: null, from: 'collecting', to: 'review', note: '本议事会不需要附议，直接进入审议' })
  const status = held ? 'draft' : straightToReview ? 'review' : 'collecting'
  const topic: Topic = {
    _id: newTopicId(now),
    communityId: community._id,
    councilId: council._id,
    title: input.title,
    description: input.description,
    photos,
    buildingId: input.buildingId ?? council.buildingId ?? null,
    place: point?.name ?? null,
    authorId: author._id,
    enteredById: user._id,
    channel,
    status,
    public: !held,
    supports: 0,
    supportThreshold: council.settings.supportThreshold,
    review: null,
    discussion: null,
    opinionsCloseAt: null,
    vote: null,
    votingClosesAt: null,
    tally: null,
    outcome: null,
    outcomeNote: null,
    decidedAt: null,
    milestones: [],
    feedback: { yes: 0, no: 0, round: 0 },
    mergedInto: null,
    retireReason: null,
    hiddenFrom: null,
    reports: 0,
    comments: 0,
    timeline,
    createdAt: now,
    updatedAt: now,
  }
  // The topic and its community's counters (council/counters.ts) in one transaction.
  await runTx(db, async (tx) => {
    await tx.collection(K.topics).add({ data: topic })
    await countTopicIn(db, tx, topic.communityId, topicDelta(null, topic))
  })
  // Someone entered it for a resident who has WeChat: tell them it is in.
  if (author._id !== user._id && !author.offline) await notifyAuthor(ctx, topic, held ? '已代您提交，社区审核后公示' : '已代您提交议题')

  const facts = await factsFor(db, council, user, now)
  const relations = topicRelations(topic, user._id, { isResident: inScope(council, facts).ok, isSecretary, seat: facts.seat })
  return topicDetail(db, topic, council, { user, now, facts }, relations, { supported: false, reported: false, vote: null, comments: [] })
}

export default defineAction({ name: 'topic.create', input: TopicCreateInput, access: userAccess, writes: true, handler: create })
