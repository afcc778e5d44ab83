/**
 * Points for taking part in a council (`council_participation`): once per cause, whatever the retries —
 * the key names the cause (`council:support:<topicId>:<userId>`, `council:comment:<topicId>:<userId>` …),
 * so supporting, withdrawing support and supporting again pays once; the rule's daily and monthly caps apply.
 */
import type { Deps } from '../../platform/context'
import { credit } from '../points/earn'

export type ParticipationCause = 'support' | 'comment'

const REASONS: Record<ParticipationCause, string> = { support: '附议议题', comment: '对议题发表意见' }

/**
 * Pay a participation point. A failed payment (no sponsor budget can pay, a busy ledger) must not undo the
 * support or comment that earned it: it is logged and left; nothing is recorded, so the same key pays if the
 * person earns it again later.
 */
export async function payParticipation(
  deps: Pick<Deps, 'db' | 'now'>,
  topic: { _id: string; communityId: string; title: string },
  userId: string,
  cause: ParticipationCause,
): Promise<void> {
  try {
    await credit(deps.db, deps.now(), {
      communityId: topic.communityId,
      userId,
      kind: 'council_participation',
      quantity: 1,
      key: `council:${cause}:${topic._id}:${userId}`,
      reason: `${REASONS[cause]}「${topic.title}」`,
      cause: { type: 'topic', id: topic._id },
      byUserId: null,
    })
  } catch (err) {
    console.warn('council participation points not paid', { topicId: topic._id, userId, cause, err: (err as Error)?.message })
  }
}
