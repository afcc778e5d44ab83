/**
 * A sorted container made of sorted chunks (like Python's sortedcontainers):
 * O(log n) search, O(chunk) insert/remove, ordered scans in both directions.
 */
export class SortedList<T> {
  private chunks: T[][] = []
  private n = 0
  constructor(
    private readonly cmp: (a: T, b: T) => number,
    private readonly load = 512,
  ) {}

  get size(): number {
    return this.n
  }

  clear(): void {
    this.chunks = []
    this.n = 0
  }

  /** Replace the content with `items` (sorted here). */
  bulkLoad(items: T[]): void {
    items.sort(this.cmp)
    this.chunks = []
    for (let i = 0; i < items.length; i += this.load) this.chunks.push(items.slice(i, i + this.load))
    this.n = items.length
  }

  /** Position of the first element e with ge(e) true (ge must be monotone: false..false,true..true). */
  private lower(ge: (e: T) => boolean): [number, number] {
    const ch = this.chunks
    let lo = 0,
      hi = ch.length
    while (lo < hi) {
      const m = (lo + hi) >> 1
      if (ge(ch[m][ch[m].length - 1])) hi = m
      else lo = m + 1
    }
    if (lo === ch.length) return [lo, 0]
    const c = ch[lo]
    let a = 0,
      b = c.length
    while (a < b) {
      const m = (a + b) >> 1
      if (ge(c[m])) b = m
      else a = m + 1
    }
    return [lo, a]
  }

  insert(x: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([x])
      this.n = 1
      return
    }
    let [ci, pos] = this.lower((e) => this.cmp(e, x) >= 0)
    if (ci === this.chunks.length) {
      ci = this.chunks.length - 1
      pos = this.chunks[ci].length
    }
    const c = this.chunks[ci]
    c.splice(pos, 0, x)
    this.n++
    if (c.length > this.load * 2) this.chunks.splice(ci, 1, c.slice(0, this.load), c.slice(this.load))
  }

  remove(x: T): boolean {
    const [ci, pos] = this.lower((e) => this.cmp(e, x) >= 0)
    if (ci === this.chunks.length) return false
    const c = this.chunks[ci]
    if (pos >= c.length || this.cmp(c[pos], x) !== 0) return false
    c.splice(pos, 1)
    this.n--
    if (c.length === 0) this.chunks.splice(ci, 1)
    return true
  }

  /**
   * Visit elements from the first with ge(e) (forward) or from the last with le(e) (reverse),
   * while `visit` returns true. `inLo`/`inHi` define the scanned range.
   */
  scan(ge: (e: T) => boolean, le: (e: T) => boolean, reverse: boolean, visit: (e: T) => boolean): void {
    const ch = this.chunks
    if (!reverse) {
      let [ci, pos] = this.lower(ge)
      for (; ci < ch.length; ci++, pos = 0) {
        const c = ch[ci]
        for (; pos < c.length; pos++) {
          if (!le(c[pos])) return
          if (!visit(c[pos])) return
        }
      }
    } else {
      // last element with le(e) true == element before the first with le(e) false
      let [ci, pos] = this.lower((e) => !le(e))
      pos--
      if (pos < 0) {
        ci--
        if (ci >= 0) pos = ch[ci].length - 1
      }
      if (ci >= ch.length) {
        ci = ch.length - 1
        pos = ci >= 0 ? ch[ci].length - 1 : -1
      }
      for (; ci >= 0; ci--, pos = ci >= 0 ? ch[ci].length - 1 : -1) {
        const c = ch[ci]
        for (; pos >= 0; pos--) {
          if (!ge(c[pos])) return
          if (!visit(c[pos])) return
        }
      }
    }
  }

  *all(): IterableIterator<T> {
    for (const c of this.chunks) for (const e of c) yield e
  }
}
