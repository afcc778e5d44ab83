/**
 * The grace before a vote is tallied (council/votes.ts explains why): its own module, so the topic's view can say
 * when the result will be published (TopicDetail.vote.publishAfter) without loading the vote code.
 */
import { limits } from '../../platform/limits'

/** How long after a vote's end it is tallied: the function's timeout (no admitted vote is still in flight) and a margin. */
export const closeGraceMs = () => limits.timeoutMs + 10_000
