/**
 * post.upsert (secretary) — publish a post or edit one (title, description, skills, capacity, open or not).
 * The change and its audit entry are one transaction; on edit the capacity is checked against the holders
 * inside it, so a claim arriving meanwhile cannot overfill the post.
 * Outcomes: the post; NOT_FOUND for another community's or an unknown post; CONFLICT for a capacity below
 * those holding it.
 */
import { PostUpsertInput, type Post } from '../../../../../types/party'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import type { UserCtx } from '../../platform/context'
import { getById, newId, runTx, txGet } from '../../platform/db'
import { conflict, notFound } from '../../platform/errors'
import { PT } from '../party/repo'
import { postView, postViews } from '../party/views'

async function upsert(ctx: UserCtx, input: ActionInput<'post.upsert'>) {
  const { db } = ctx
  const now = ctx.now()
  const after = { title: input.title, description: input.description, skills: input.skills, capacity: input.capacity, active: input.active }
  if (input.postId) {
    const before = await getById<Post>(db, PT.posts, input.postId)
    if (!before || before.communityId !== input.communityId) throw notFound('这个岗位')
    await runTx(db, async (tx) => {
      const current = await txGet<Post>(tx, PT.posts, before._id)
      if (!current) throw notFound('这个岗位')
      if (input.capacity < current.holderCount) throw conflict(`已有 ${current.holderCount} 人在岗，容量不能小于此数`)
      await tx
        .collection(PT.posts)
        .doc(before._id)
        .update({ data: { ...after, skills: db.command.set(input.skills) } })
      await recordIn(tx, ctx, {
        communityId: input.communityId,
        resource: { type: 'post', id: before._id, label: input.title },
        before: { title: current.title, description: current.description, skills: current.skills, capacity: current.capacity, active: current.active },
        after,
      })
    })
    return postView(ctx, before._id)
  }
  const post: Post = { _id: newId('p'), communityId: input.communityId, ...after, holders: [], holderCount: 0, createdAt: now }
  await runTx(db, async (tx) => {
    await tx.collection(PT.posts).add({ data: post })
    await recordIn(tx, ctx, { communityId: input.communityId, resource: { type: 'post', id: post._id, label: post.title }, after })
  })
  return (await postViews(ctx, [post]))[0]
}

export default defineAction({ name: 'post.upsert', input: PostUpsertInput, access: SECRETARY, writes: true, handler: upsert })
