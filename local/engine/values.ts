/**
 * Value helpers shared by the engine: BSON-like ordering, deep clone / equality,
 * dotted-path extraction (multikey aware), and the EJSON-ish text encoding used
 * both for the journal/snapshot and for answering the SDK.
 */

/** Sentinels usable inside index bounds. `t` restricts the sentinel to one BSON type bracket. */
export interface Sentinel {
  __s: 'min' | 'max'
  t?: number
}
export const MIN: Sentinel = { __s: 'min' }
export const MAX: Sentinel = { __s: 'max' }
export function typeMin(t: number): Sentinel {
  return { __s: 'min', t }
}
export function typeMax(t: number): Sentinel {
  return { __s: 'max', t }
}
function isSentinel(v: any): v is Sentinel {
  return v !== null && typeof v === 'object' && (v as any).__s !== undefined
}

/** MongoDB's BSON comparison order of types (numbers share one bracket). */
export function typeRank(v: any): number {
  if (v === null || v === undefined) return 1
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 2
    case 'string':
      return 3
    case 'boolean':
      return 8
    case 'object':
      if (v instanceof Date) return 9
      if (Array.isArray(v)) return 5
      if (v instanceof RegExp) return 11
      if (Buffer.isBuffer(v) || v instanceof Uint8Array) return 6
      if ((v as any)._bsontype === 'ObjectId' || (v as any)._bsontype === 'ObjectID') return 7
      return 4
    default:
      return 4
  }
}

export function compareValues(a: any, b: any): number {
  const sa = isSentinel(a),
    sb = isSentinel(b)
  if (sa || sb) {
    if (sa && sb) {
      if (a.__s === b.__s && a.t === b.t) return 0
      const ra = a.t === undefined ? (a.__s === 'min' ? -1 : 99) : a.t
      const rb = b.t === undefined ? (b.__s === 'min' ? -1 : 99) : b.t
      if (ra !== rb) return ra < rb ? -1 : 1
      return a.__s === 'min' ? -1 : 1
    }
    if (sa) return sentinelVs(a, b)
    return -sentinelVs(b, a)
  }
  const ta = typeRank(a),
    tb = typeRank(b)
  if (ta !== tb) return ta < tb ? -1 : 1
  switch (ta) {
    case 1:
      return 0
    case 2:
      return a < b ? -1 : a > b ? 1 : 0
    case 3:
      return a < b ? -1 : a > b ? 1 : 0
    case 8:
      return a === b ? 0 : a ? 1 : -1
    case 9: {
      const x = a.getTime(),
        y = b.getTime()
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 5: {
      const n = Math.min(a.length, b.length)
      for (let i = 0; i < n; i++) {
        const c = compareValues(a[i], b[i])
        if (c) return c
      }
      return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0
    }
    case 4: {
      const ka = Object.keys(a),
        kb = Object.keys(b)
      const n = Math.min(ka.length, kb.length)
      for (let i = 0; i < n; i++) {
        const c1 = compareValues(a[ka[i]], b[kb[i]])
        if (c1) return c1
        if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1
      }
      return ka.length < kb.length ? -1 : ka.length > kb.length ? 1 : 0
    }
    default: {
      const x = String(a),
        y = String(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
  }
}
function sentinelVs(s: Sentinel, v: any): number {
  if (s.t === undefined) return s.__s === 'min' ? -1 : 1
  const t = typeRank(v)
  if (t !== s.t) return s.t < t ? -1 : 1
  return s.__s === 'min' ? -1 : 1
}

export function compareTuples(a: any[], b: any[], dirs: number[]): number {
  for (let i = 0; i < dirs.length; i++) {
    const c = compareValues(a[i], b[i])
    if (c) return c * dirs[i]
  }
  return 0
}

export function deepEqual(a: any, b: any): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b)
  const ka = Object.keys(a),
    kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false
    if (!deepEqual(a[ka[i]], b[ka[i]])) return false
  }
  return true
}

/** Deep clone of plain data (Dates, RegExps, Buffers kept as such; same realm, unlike structuredClone under jest). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date) return new Date(v.getTime()) as any
  if (Array.isArray(v)) return v.map(clone) as any
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as any
  if (Buffer.isBuffer(v)) return Buffer.from(v) as any
  const proto = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return v
  const out: any = {}
  for (const k of Object.keys(v)) out[k] = clone((v as any)[k])
  return out
}

export function isPlainObject(v: any): boolean {
  if (v === null || typeof v !== 'object') return false
  const p = Object.getPrototypeOf(v)
  return p === Object.prototype || p === null
}

/**
 * All values found at a dotted path, expanding arrays along the way (MongoDB multikey semantics).
 * Returns [] when the path is missing everywhere. A leaf array is expanded into its elements
 * (an empty leaf array yields the empty array itself).
 * `multikey.hit` is set when an array was traversed or expanded.
 */
const segCache = new Map<string, string[]>()
export function pathValues(doc: any, path: string, multikey?: { hit: boolean }): any[] {
  let segs = segCache.get(path)
  if (!segs) {
    segs = path.split('.')
    segCache.set(path, segs)
  }
  if (segs.length === 1 && doc !== null && typeof doc === 'object') {
    // fast path: top-level field
    if (!(path in doc)) return []
    const v = doc[path]
    if (!Array.isArray(v)) return [v]
  }
  const out: any[] = []
  const walk = (v: any, i: number) => {
    if (i === segs!.length) {
      if (Array.isArray(v)) {
        if (multikey) multikey.hit = true
        if (v.length === 0) out.push(v)
        else for (const e of v) out.push(e)
      } else out.push(v)
      return
    }
    if (v === null || v === undefined) return
    if (Array.isArray(v)) {
      if (multikey) multikey.hit = true
      const seg = segs![i]
      if (/^\d+$/.test(seg) && +seg < v.length) walk(v[+seg], i + 1)
      for (const e of v) if (e !== null && typeof e === 'object' && !Array.isArray(e)) walk(e, i)
      return
    }
    if (typeof v !== 'object') return
    if (!(segs![i] in v)) return
    walk(v[segs![i]], i + 1)
  }
  walk(doc, 0)
  return out
}

/** Value used to sort a document by a path (MongoDB: min element ascending, max element descending; missing = null). */
export function sortKey(doc: any, path: string, dir: number): any {
  const vals = pathValues(doc, path)
  if (vals.length === 0) return null
  let best = vals[0]
  for (let i = 1; i < vals.length; i++) {
    const c = compareValues(vals[i], best)
    if ((dir > 0 && c < 0) || (dir < 0 && c > 0)) best = vals[i]
  }
  return best
}

// ---------- text encoding (EJSON subset: Date, RegExp, Buffer) ----------

function replacer(this: any, key: string, value: any) {
  const raw = this[key]
  if (raw instanceof Date) return { $date: { $numberLong: String(raw.getTime()) } }
  if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } }
  if (value && value.type === 'Buffer' && Array.isArray(value.data) && Buffer.isBuffer(raw)) {
    return { $binary: { base64: raw.toString('base64'), subType: '00' } }
  }
  return value
}

/** Serialize a value as relaxed EJSON (what `bson.EJSON.parse` in the SDK reads back). */
export function toText(v: any): string {
  return JSON.stringify(v, replacer)
}

function reviver(_key: string, v: any) {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if (v.$date !== undefined) {
      const keys = Object.keys(v)
      if (keys.length === 1) {
        const d = v.$date
        if (typeof d === 'object' && d && d.$numberLong !== undefined) return new Date(Number(d.$numberLong))
        return new Date(d)
      }
    } else if (v.$regularExpression !== undefined && Object.keys(v).length === 1) {
      return new RegExp(v.$regularExpression.pattern, v.$regularExpression.options)
    } else if (v.$binary !== undefined && Object.keys(v).length === 1) {
      return Buffer.from(v.$binary.base64, 'base64')
    }
  }
  return v
}
export function fromText(s: string): any {
  return JSON.parse(s, reviver)
}
