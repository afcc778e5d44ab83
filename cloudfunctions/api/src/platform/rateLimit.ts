/**
 * A per-caller sliding window, kept in the warm instance's memory. WeChat runs few instances for an
 * app of this size, so this stops a runaway client or a script without a database write per request.
 */
export class RateLimiter {
  private hits = new Map<string, number[]>()
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; false when the caller is over the limit. */
  allow(key: string, nowMs: number): boolean {
    const from = nowMs - this.windowMs
    const list = (this.hits.get(key) ?? []).filter((t) => t > from)
    if (list.length >= this.limit) {
      this.hits.set(key, list)
      return false
    }
    list.push(nowMs)
    this.hits.set(key, list)
    if (this.hits.size > 10000) this.sweep(from)
    return true
  }

  reset() {
    this.hits.clear()
  }

  private sweep(from: number) {
    for (const [k, v] of this.hits) if (!v.some((t) => t > from)) this.hits.delete(k)
  }
}
