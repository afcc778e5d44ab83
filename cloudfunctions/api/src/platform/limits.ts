/**
 * The function's time limit, read from `cloudfunctions/api/config.json` (`timeout`, seconds), which is
 * bundled into the deployed function: the platform and the function agree on one number.
 *
 * Why 20 s. WeChat Cloud kills an invocation that runs past its timeout: 3 s unless configured,
 * 1–60 s from the WeChat console (云开发控制台 → 云函数 → 版本与配置 → 超时时间); the CloudBase console and
 * the third-party `tcb/uploadfuncconfig` API accept more (up to 900 s / 300 s), the WeChat console does
 * not, so 60 s is the ceiling a deployer of this project can rely on (docs.cloudbase.net, cloud-function
 * configuration; developers.weixin.qq.com, getFuncConfig / uploadFuncConfig `timeout`). A killed call
 * reaches the mini-program as `cloud.callFunction:fail … errCode: -504003 | errMsg: Invoking task timed
 * out after N seconds`. Actions answer in milliseconds to a few seconds (the slowest is a redeem that
 * waits up to 5 s for other redemptions' stock holds); 20 s leaves them a wide margin while keeping a
 * stuck call from holding a person's spinner for a minute. The timer works in a budget of half of it
 * (`timerBudgetMs`) and saves its cursors, so it never needs more.
 *
 * `limits.timeoutMs` is mutable only so the test harness can run the function "deployed" with a short
 * timeout (test/support/cloud.ts), enforcing the same number it sets here.
 */

const config = require('../../config.json') as { timeout?: number }

/** The platform's default when config.json says nothing. */
export const PLATFORM_DEFAULT_TIMEOUT_S = 3
/** The most the WeChat console allows. */
export const PLATFORM_MAX_TIMEOUT_S = 60

export function timeoutSecondsOf(cfg: { timeout?: unknown }): number {
  const t = cfg.timeout ?? PLATFORM_DEFAULT_TIMEOUT_S
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > PLATFORM_MAX_TIMEOUT_S) {
    throw new Error(`config.json timeout must be a whole number of seconds from 1 to ${PLATFORM_MAX_TIMEOUT_S}, got ${JSON.stringify(t)}`)
  }
  return t
}

export const limits = {
  /** The function's timeout, in ms. */
  timeoutMs: timeoutSecondsOf(config) * 1000,
}

/** The timer starts no new batch past this much of an invocation: the rest is margin for the last batch. */
export const TIMER_BUDGET_FRACTION = 0.5

export const timerBudgetMs = () => Math.floor(limits.timeoutMs * TIMER_BUDGET_FRACTION)
