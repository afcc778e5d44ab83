/**
 * Reason codes: the finer "why" of a refusal, sent by the server as `error.details.reason` next to the
 * error's code, so the UI can offer the right way forward without reading the message text (which is for
 * people and may be reworded). The client reads it as `ApiCallError.reason` (src/services/api.ts).
 *
 * Each reason names the code it travels with and the action(s) that send it. Type only: importing it costs
 * the mini-program nothing.
 */
export type Reason =
  /** CONFLICT · points.redeem: the shelf is empty (已经兑完了). */
  | 'SOLD_OUT'
  /** CONFLICT · points.redeem: fewer left than asked for (库存只剩 n 件); details.left. */
  | 'LOW_STOCK'
  /** CONFLICT · points.redeem: the per-person limit is reached (每人限兑 n 件); details.limit, details.left. */
  | 'OVER_LIMIT'
  /** CONFLICT · points.redeem, points.grant (a deduction): the person's balance is too small (积分余额不足). */
  | 'INSUFFICIENT_POINTS'
  /** CONFLICT · party.signUp: the activity is full (名额已满). */
  | 'ACTIVITY_FULL'
  /** FORBIDDEN · activity.signUp (the router's role check): the caller has not registered here as a party member (党员报到). */
  | 'NOT_PARTY_MEMBER'
