/**
 * Points for a fulfilled wish, shared by wish.confirm and the auto-close timer: pays the claimer through the
 * points module exactly once (key `wish:<id>:fulfil`), or marks the points as owed when no budget can pay now
 * (the payOwed timer retries).
 */
import type { Wish } from '../../../../../types/wish'
import type { Deps } from '../../platform/context'
import { AppError } from '../../platform/errors'
import { credit } from '../points/earn'
import { W } from './repo'

export async function awardPoints(deps: Pick<Deps, 'db' | 'now'>, wish: Wish): Promise<void> {
  if (!wish.claimerId) return
  try {
    await credit(deps.db, deps.now(), {
      communityId: wish.communityId,
      userId: wish.claimerId,
      kind: 'wish_fulfilled',
      quantity: 1,
      key: `wish:${wish._id}:fulfil`,
      reason: `完成微心愿「${wish.title}」`,
      cause: { type: 'wish', id: wish._id },
      byUserId: null,
    })
    if (wish.pointsPending)
      await deps.db
        .collection(W.wishes)
        .doc(wish._id)
        .update({ data: { pointsPending: false } })
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err
    // No sponsor budget can pay now: the wish stays closed, the points are owed and retried by the timer.
    await deps.db
      .collection(W.wishes)
      .doc(wish._id)
      .update({ data: { pointsPending: true } })
  }
}
