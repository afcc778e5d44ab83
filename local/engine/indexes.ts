/**
 * Secondary indexes (single and compound, multikey aware, optionally unique) and the
 * query planner that turns a MongoDB filter into index scans.
 */
import { SortedList } from './sorted'
import { compareTuples, compareValues, deepEqual, MAX, MIN, pathValues, typeMax, typeMin, typeRank, Sentinel } from './values'

export interface IndexSpec {
  name: string
  keys: [string, 1 | -1][]
  unique?: boolean
}

interface Entry {
  k: any[]
  id: string
}

export class Index {
  readonly fields: string[]
  readonly dirs: number[]
  readonly list: SortedList<Entry>
  /** true once any indexed document had an array on one of the paths */
  multikey = false

  constructor(readonly spec: IndexSpec) {
    this.fields = spec.keys.map((k) => k[0])
    this.dirs = spec.keys.map((k) => (k[1] === -1 ? -1 : 1))
    const dirs = this.dirs
    this.list = new SortedList<Entry>((a, b) => compareTuples(a.k, b.k, dirs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  /** Key tuples of a document (cartesian product over multikey paths; missing = null). */
  keysOf(doc: any): any[][] {
    if (this.fields.length === 1) {
      // fast path: single field, single value
      const mk = { hit: false }
      const vals = pathValues(doc, this.fields[0], mk)
      if (!mk.hit && vals.length <= 1) return [[vals.length ? (vals[0] === undefined ? null : vals[0]) : null]]
    }
    const per: any[][] = []
    for (const f of this.fields) {
      const mk = { hit: false }
      let vals = pathValues(doc, f, mk)
      if (mk.hit) this.multikey = true
      if (vals.length === 0) vals = [null]
      else if (vals.length > 1) {
        const uniq: any[] = []
        for (const v of vals) if (!uniq.some((u) => compareValues(u, v) === 0 && typeRank(u) === typeRank(v))) uniq.push(v)
        vals = uniq
      }
      per.push(vals.map((v) => (v === undefined ? null : v)))
    }
    let tuples: any[][] = [[]]
    for (const vals of per) {
      const next: any[][] = []
      for (const t of tuples) for (const v of vals) next.push([...t, v])
      tuples = next
    }
    return tuples
  }

  add(doc: any): void {
    for (const k of this.keysOf(doc)) this.list.insert({ k, id: doc._id })
  }
  remove(doc: any): void {
    for (const k of this.keysOf(doc)) this.list.remove({ k, id: doc._id })
  }
  rebuild(docs: Iterable<any>): void {
    this.multikey = false
    const entries: Entry[] = []
    for (const d of docs) for (const k of this.keysOf(d)) entries.push({ k, id: d._id })
    this.list.bulkLoad(entries)
  }

  /** Ids (other than `selfId`) already holding one of the key tuples of `doc`. */
  conflicts(doc: any, selfId: string): { key: any[]; id: string } | null {
    for (const k of this.keysOf(doc)) {
      let hit: Entry | null = null
      const dirs = this.dirs
      this.list.scan(
        (e) => compareTuples(e.k, k, dirs) >= 0,
        (e) => compareTuples(e.k, k, dirs) <= 0,
        false,
        (e) => {
          if (e.id !== selfId) {
            hit = e
            return false
          }
          return true
        },
      )
      if (hit) return { key: k, id: (hit as Entry).id }
    }
    return null
  }

  /** After a bulk load: the first duplicate key among distinct ids, if any. */
  firstDuplicate(): { key: any[]; id: string } | null {
    let prev: Entry | null = null
    for (const e of this.list.all()) {
      if (prev && prev.id !== e.id && compareTuples(prev.k, e.k, this.dirs) === 0) return { key: e.k, id: e.id }
      prev = e
    }
    return null
  }
}

// ---------------------------------------------------------------- planning

interface Bound {
  v: any
  inc: boolean
}
interface FieldCond {
  eq?: any[]
  lo?: Bound
  hi?: Bound
}

function isScalar(v: any): boolean {
  if (v === null) return true
  const t = typeof v
  return t === 'number' || t === 'string' || t === 'boolean' || v instanceof Date
}
function isRangeable(v: any): boolean {
  return typeof v === 'number' || typeof v === 'string' || v instanceof Date
}

function addCond(conds: Map<string, FieldCond>, field: string, c: FieldCond) {
  const cur = conds.get(field)
  if (!cur) {
    conds.set(field, c)
    return
  }
  if (c.eq && (!cur.eq || c.eq.length < cur.eq.length)) cur.eq = c.eq
  if (c.lo && !cur.lo) cur.lo = c.lo
  if (c.hi && !cur.hi) cur.hi = c.hi
}

/** Extract conjunctive, index-usable constraints from a filter. Anything else is left to mingo. */
export function analyzeFilter(filter: any, conds = new Map<string, FieldCond>()): Map<string, FieldCond> {
  if (!filter || typeof filter !== 'object') return conds
  for (const key of Object.keys(filter)) {
    const v = filter[key]
    if (key === '$and' && Array.isArray(v)) {
      for (const sub of v) analyzeFilter(sub, conds)
      continue
    }
    if (key.startsWith('$')) continue
    if (isScalar(v)) {
      addCond(conds, key, { eq: [v] })
      continue
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof RegExp) continue
    const ops = Object.keys(v)
    if (ops.length === 0 || !ops.every((o) => o.startsWith('$'))) continue
    const c: FieldCond = {}
    for (const op of ops) {
      const a = v[op]
      switch (op) {
        case '$eq':
          if (isScalar(a)) c.eq = [a]
          break
        case '$in':
          if (Array.isArray(a) && a.length > 0 && a.every(isScalar)) c.eq = a
          break
        case '$gt':
        case '$gte':
          if (isRangeable(a)) c.lo = { v: a, inc: op === '$gte' }
          break
        case '$lt':
        case '$lte':
          if (isRangeable(a)) c.hi = { v: a, inc: op === '$lte' }
          break
        case '$elemMatch':
          if (a && typeof a === 'object' && !Array.isArray(a) && Object.keys(a).every((k) => !k.startsWith('$'))) {
            const sub = analyzeFilter(a)
            for (const [sk, sc] of sub) addCond(conds, `${key}.${sk}`, sc)
          }
          break
      }
    }
    if (c.lo && c.hi && typeRank(c.lo.v) !== typeRank(c.hi.v)) delete c.hi
    if (c.eq || c.lo || c.hi) addCond(conds, key, c)
  }
  return conds
}

export interface Plan {
  kind: 'ids' | 'index' | 'scan'
  desc: string
  /** visit candidate ids (possibly repeated for multikey scans; the caller dedupes) until visit returns false */
  each?: (visit: (id: string) => boolean) => void
  /** whether candidates come in the requested sort order */
  ordered: boolean
}

const MAX_COMBOS = 1000

export function planQuery(indexes: Index[], filter: any, sort: [string, number][] | null, allowOrderedOnly: boolean): Plan {
  const conds = analyzeFilter(filter)
  const idc = conds.get('_id')
  if (idc && idc.eq) {
    const ids = idc.eq.filter((x) => typeof x === 'string' || typeof x === 'number').map(String)
    return {
      kind: 'ids',
      desc: `IDHACK(${ids.length})`,
      each: (visit) => {
        for (const id of ids) if (!visit(id)) return
      },
      ordered: ids.length <= 1,
    }
  }
  let best: { idx: Index; e: number; range: FieldCond | null; score: number; ordered: boolean; reverse: boolean } | null = null
  for (const idx of indexes) {
    let e = 0
    while (e < idx.fields.length && conds.get(idx.fields[e])?.eq) e++
    const rc = e < idx.fields.length ? conds.get(idx.fields[e]) : undefined
    const range = rc && (rc.lo || rc.hi) ? rc : null
    let combos = 1
    for (let i = 0; i < e; i++) combos *= conds.get(idx.fields[i])!.eq!.length
    if (combos > MAX_COMBOS) continue
    // can the scan deliver the requested order?
    let ordered = false,
      reverse = false
    // A multikey index delivers a sort only on fields that are never arrays: MongoDB blocks (sorts in memory)
    // only "when you sort based on an array field that is indexed with a multikey index"
    // (https://www.mongodb.com/docs/manual/tutorial/sort-results-with-indexes/). The index does not record
    // which path made it multikey, so only `_id` (never an array) is trusted: equality on the array field,
    // then (…, _id) in order — a document matched by two elements is visited twice in a row and deduped.
    const sortable = !idx.multikey || (sort?.every(([f]) => f === '_id') ?? false)
    if (sort && sort.length > 0 && sortable && combos === 1) {
      const rest = idx.fields.slice(e)
      if (sort.length <= rest.length && sort.every(([f], i) => f === rest[i])) {
        const same = sort.every(([, d], i) => d === idx.dirs[e + i])
        const opp = sort.every(([, d], i) => d === -idx.dirs[e + i])
        if (same || opp) {
          ordered = true
          reverse = opp
        }
      }
    }
    const score = e * 4 + (range ? 2 : 0) + (ordered ? 1 : 0)
    if (e === 0 && !range && !(ordered && allowOrderedOnly)) continue
    if (!best || score > best.score) best = { idx, e, range, score, ordered, reverse }
  }
  if (!best) return { kind: 'scan', desc: 'COLLSCAN', ordered: false }
  const { idx, e, range, ordered, reverse } = best
  // combos of equality prefixes
  let combos: any[][] = [[]]
  for (let i = 0; i < e; i++) {
    const next: any[][] = []
    const vals = conds.get(idx.fields[i])!.eq!
    for (const c of combos) for (const v of vals) next.push([...c, v])
    combos = next
  }
  let lo: Bound | undefined, hi: Bound | undefined
  if (range) {
    lo = range.lo
    hi = range.hi
    // a multikey range must not intersect bounds: each bound may be met by a different element
    if (idx.multikey && lo && hi) hi = undefined
  }
  const n = idx.fields.length
  const dirs = idx.dirs
  const scans: { low: any[]; high: any[] }[] = []
  for (const c of combos) {
    const low = [...c],
      high = [...c]
    if (e < n) {
      let vlo: any = MIN,
        vhi: any = MAX
      if (lo || hi) {
        const t = typeRank((lo || hi)!.v)
        vlo = lo ? lo.v : typeMin(t)
        vhi = hi ? hi.v : typeMax(t)
      }
      // index order: for a descending field the value-space high end comes first
      if (dirs[e] > 0) {
        low.push(vlo)
        high.push(vhi)
      } else {
        low.push(vhi)
        high.push(vlo)
      }
      for (let i = e + 1; i < n; i++) {
        if (dirs[i] > 0) {
          low.push(MIN)
          high.push(MAX)
        } else {
          low.push(MAX)
          high.push(MIN)
        }
      }
    }
    scans.push({ low, high })
  }
  const keyOk = (k: any[]): boolean => {
    if (e >= n) return true
    const v = k[e]
    if (lo && !lo.inc && compareValues(v, lo.v) === 0) return false
    if (hi && !hi.inc && compareValues(v, hi.v) === 0) return false
    return true
  }
  const each = (visit: (id: string) => boolean): void => {
    for (const s of scans) {
      let stop = false
      idx.list.scan(
        (en) => compareTuples(en.k, s.low, dirs) >= 0,
        (en) => compareTuples(en.k, s.high, dirs) <= 0,
        reverse,
        (en) => {
          if (!keyOk(en.k)) return true
          if (!visit(en.id)) {
            stop = true
            return false
          }
          return true
        },
      )
      if (stop) return
    }
  }
  const b = (x: Bound | undefined) => (x ? `${x.inc ? '=' : ''}${fmt(x.v)}` : '')
  const desc =
    `IXSCAN ${idx.spec.name}` +
    (e ? ` eq[${idx.fields.slice(0, e).join(',')}]x${combos.length}` : '') +
    (range ? ` range[${idx.fields[e]} ${lo ? '>' + b(lo) : ''}${lo && hi ? ' ' : ''}${hi ? '<' + b(hi) : ''}]` : '') +
    (ordered ? (reverse ? ' sorted(reverse)' : ' sorted') : '')
  return { kind: 'index', desc, each, ordered }
}

function fmt(v: any): string {
  return v instanceof Date ? v.toISOString() : JSON.stringify(v)
}

export { deepEqual, Sentinel }
