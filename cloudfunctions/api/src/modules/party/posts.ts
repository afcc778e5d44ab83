/**
 * 岗位责任卡 — service posts members hold by their skills.
 * post.list — the post board: who holds what (masked names), and which posts match the caller's skills.
 * post.upsert (secretary) — publish or edit a post with its capacity. Audited.
 * post.claim — a verified member takes a post: one conditional update (not full, not already holding),
 *   so capacity holds under a rush and nobody holds a post twice (CONFLICT).
 * post.leave — give the post up.
 */
import type { z } from 'zod'
import type { User } from '../../../../../types/org'
import type { Post, PostClaimInput, PostListInput, PostUpsertInput, PostView } from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { trace } from '../../platform/audit'
import { findMany, getById, newId } from '../../platform/db'
import { conflict, forbidden, notFound } from '../../platform/errors'
import { C, getMany } from '../org/repo'
import { listName } from '../org/rules'
import { PT } from './repo'
import { verifiedRegistration } from './verified'

async function views(ctx: UserCtx, posts: Post[]): Promise<PostView[]> {
  const communityId = posts[0]?.communityId
  const [people, reg] = await Promise.all([
    getMany<User>(ctx.db, C.users, posts.flatMap((p) => p.holders)),
    communityId ? verifiedRegistration(ctx.db, ctx.user._id, communityId) : null,
  ])
  const skills = new Set(reg?.skills ?? [])
  return posts.map((p) => ({
    id: p._id, title: p.title, description: p.description, skills: p.skills, capacity: p.capacity,
    holders: p.holders.map((id) => ({ userId: id, name: listName(people.get(id) ?? { realName: null, nickname: '' }) })),
    mine: p.holders.includes(ctx.user._id), mySkills: p.skills.filter((s) => skills.has(s)), active: p.active,
  }))
}

export async function list(ctx: UserCtx, input: z.output<typeof PostListInput>) {
  const posts = await findMany<Post>(ctx.db, PT.posts, { communityId: input.communityId }, { orderBy: [['createdAt', 'asc']], limit: 100 })
  return views(ctx, posts)
}

export async function upsert(ctx: UserCtx, input: z.output<typeof PostUpsertInput>) {
  const { db } = ctx
  const now = ctx.now()
  if (input.postId) {
    const before = await getById<Post>(db, PT.posts, input.postId)
    if (!before || before.communityId !== input.communityId) throw notFound('这个岗位')
    if (input.capacity < before.holderCount) throw conflict(`已有 ${before.holderCount} 人在岗，容量不能小于此数`)
    const data = { title: input.title, description: input.description, skills: db.command.set(input.skills), capacity: input.capacity, active: input.active }
    // The capacity guard is part of the update, so a claim arriving meanwhile cannot overfill the post.
    const res = (await db.collection(PT.posts).where({ _id: before._id, holderCount: db.command.lte(input.capacity) }).update({ data })) as { stats: { updated: number } }
    if (res.stats.updated !== 1) {
      const current = await getById<Post>(db, PT.posts, before._id)
      if (current && current.holderCount > input.capacity) throw conflict(`已有 ${current.holderCount} 人在岗，容量不能小于此数`)
    }
    await trace(ctx, { communityId: input.communityId, resource: { type: 'post', id: before._id }, before, after: { ...input } })
    return (await views(ctx, [(await getById<Post>(db, PT.posts, before._id))!]))[0]
  }
  const post: Post = { _id: newId('p'), communityId: input.communityId, title: input.title, description: input.description, skills: input.skills, capacity: input.capacity, holders: [], holderCount: 0, active: input.active, createdAt: now }
  await db.collection(PT.posts).add({ data: post })
  await trace(ctx, { communityId: input.communityId, resource: { type: 'post', id: post._id }, after: post })
  return (await views(ctx, [post]))[0]
}

export async function claim(ctx: UserCtx, input: z.output<typeof PostClaimInput>) {
  const { db, user } = ctx
  const post = await getById<Post>(db, PT.posts, input.postId)
  if (!post || post.communityId !== input.communityId || !post.active) throw notFound('这个岗位')
  if (!(await verifiedRegistration(db, user._id, input.communityId))) throw forbidden('报到审核通过后才能认领岗位')
  if (post.holders.includes(user._id)) throw conflict('您已经在这个岗位上了')
  const _ = db.command
  // The capacity read is part of the condition: a secretary cutting the capacity meanwhile makes this
  // update miss (then we read again), instead of letting a claim in under the old, larger capacity.
  for (let current = post, attempt = 0; ; attempt++) {
    const res = (await db
      .collection(PT.posts)
      .where({ _id: current._id, active: true, capacity: current.capacity, holders: _.neq(user._id), holderCount: _.lt(current.capacity) })
      .update({ data: { holders: _.push(user._id), holderCount: _.inc(1) } })) as { stats: { updated: number } }
    if (res.stats.updated === 1) break
    const now = await getById<Post>(db, PT.posts, current._id)
    if (!now || !now.active) throw notFound('这个岗位')
    if (now.holders.includes(user._id)) throw conflict('您已经在这个岗位上了')
    if (now.holderCount >= now.capacity || attempt >= 5) throw conflict('这个岗位已满员')
    current = now // the capacity changed under us: try again against the new one
  }
  return (await views(ctx, [(await getById<Post>(db, PT.posts, post._id))!]))[0]
}

export async function leave(ctx: UserCtx, input: z.output<typeof PostClaimInput>) {
  const { db, user } = ctx
  const _ = db.command
  const res = (await db
    .collection(PT.posts)
    .where({ _id: input.postId, communityId: input.communityId, holders: user._id })
    .update({ data: { holders: _.pull(user._id), holderCount: _.inc(-1) } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('您不在这个岗位上')
  return (await views(ctx, [(await getById<Post>(db, PT.posts, input.postId))!]))[0]
}
