/**
 * The scale table (issue 15): every list, report and statistic action at 1k, 10k and 50k documents, through
 * main() under the function's timeout as the platform enforces it, with its p50 and the database / open-API
 * requests it makes (each a network round trip in WeChat Cloud). One line per figure, for grepping:
 *   scale <action> n=<documents> p50_ms=<number> roundtrips=<number>
 * and a table with the ratio 50k/1k. The targets: ratio ≤ 2 and round trips ≤ 10 at 50k (a deep list page
 * ≤ 1.5× the first: cases named `<action>#deep`).
 *
 * `npm run bench -- 规模 --latency=3` adds 3 ms to every request, to show the cloud's cost.
 *
 * A case grows one world: `grow(ctx, from, to)` adds the documents between two sizes (straight into the engine,
 * fast), then the case's counters are made right the way production repairs them (the area's recount job),
 * and `call()` names one call to measure. Cases live beside their area (bench/scale-<area>.ts) and are listed
 * in SCALE_CASES below.
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, invoke, type Invocation } from '../local/cloud'
import { functionTimeoutMs } from '../local/host/functions'
import { fixtureDocs } from '../test/support/fixtures'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>

export interface ScaleCtx {
  engine: Engine
  /** Call an action as `openid` through main(); throws on a refusal. */
  ok(openid: string, action: string, data: object): Promise<any>
  /** Run an event through main() (a timer tick, for instance). */
  raw(openid: string, event: object): Promise<any>
  /** Case state kept between sizes. */
  state: Record<string, any>
}

export interface ScaleCase {
  /** The action measured (the line's name); `<action>#deep` for a deep page of a list. */
  name: string
  /** Sizes (documents of the kind the case grows); default 1k, 10k, 50k. */
  sizes?: number[]
  /** Once, after the fixtures are loaded. */
  setup?(ctx: ScaleCtx): Promise<void>
  /** Add documents so the world holds `to` of them (it holds `from`). */
  grow(ctx: ScaleCtx, from: number, to: number): Promise<void>
  /** The call measured at size n. */
  call(ctx: ScaleCtx, n: number): { openid: string; action: string; data: object }
  /** Throws when the answer is wrong for size n (a capped or stale figure is a failure, not a fast answer). */
  check?(answer: any, n: number, ctx: ScaleCtx): void | Promise<void>
}

export const DEFAULT_SIZES = [1_000, 10_000, 50_000]
const RUNS = 15
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]
}

/**
 * Measure cases that share one world (the same `grow` and `setup`, and sizes) over their sizes: the world is
 * grown once per size and every case measured on it, so the table costs one world per kind of data, not one
 * per case. Each case sees the world's state through its own `state` (it reads what setup and grow left there;
 * what it writes stays its own). Prints the `scale …` lines; answers each case's rows (a failure as one row).
 */
export async function runScaleGroup(cases: ScaleCase[]): Promise<Map<ScaleCase, Row[]>> {
  const limitMs = functionTimeoutMs('api')
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  for (const [coll, docs] of Object.entries(fixtureDocs())) await engine.insertMany(coll, docs)
  const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
  const { resetRateLimits } = require('../cloudfunctions/api/src/router') as { resetRateLimits: () => void }

  let last: (Invocation & { ms: number }) | null = null
  const raw = (openid: string, event: object) =>
    invoke({ OPENID: openid, APPID: 'local' }, () => main(event), { fn: 'api', timeoutMs: limitMs, onEnd: (inv) => (last = inv) })
  const ok = async (openid: string, action: string, data: object) => {
    const res = await raw(openid, { action, data })
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  const world: ScaleCtx = { engine, ok, raw, state: {} }
  const lead = cases[0]
  await lead.setup?.(world)
  const ctxOf = new Map(cases.map((c) => [c, { ...world, state: Object.create(world.state) as Record<string, any> }]))
  const rows = new Map<ScaleCase, Row[]>(cases.map((c) => [c, []]))
  const first = new Map<ScaleCase, number>()
  const failed = new Set<ScaleCase>()
  const sizes = lead.sizes ?? DEFAULT_SIZES

  let have = 0
  for (const n of sizes) {
    await lead.grow(world, have, n)
    have = n
    for (const c of cases) {
      if (failed.has(c)) continue
      const ctx = ctxOf.get(c)!
      const times: number[] = []
      let roundtrips = 0
      try {
        for (let i = 0; i < RUNS + 2; i++) {
          resetRateLimits()
          const { openid, action, data } = c.call(ctx, n)
          let answer: any
          const t0 = performance.now()
          try {
            answer = await ok(openid, action, data)
          } catch (err) {
            const timedOut = (last as Invocation | null)?.timedOut
            const message = `${c.name} n=${n}: ${timedOut ? `超过函数超时 ${limitMs} ms` : (err as Error).message}`
            throw Object.assign(new Error(message), { cause: err })
          }
          const ms = performance.now() - t0
          if (i === 0) await c.check?.(answer, n, ctx)
          if (i < 2) continue // warm
          times.push(Number(ms.toFixed(2)))
          roundtrips = Math.max(roundtrips, last!.requests)
        }
      } catch (err) {
        failed.add(c)
        console.log(`scale ${c.name} failed: ${(err as Error).message}`)
        rows.get(c)!.push({ action: c.name, n, status: `⚠ 失败：${(err as Error).message.slice(0, 120)}` })
        continue
      }
      const p50 = median(times)
      if (!first.has(c)) first.set(c, p50)
      const p50First = first.get(c)!
      console.log(`scale ${c.name} n=${n} p50_ms=${p50} roundtrips=${roundtrips}`)
      const ratio = p50First > 0 ? p50 / p50First : p50 === 0 ? 1 : Infinity
      const deep = c.name.includes('#deep')
      const flags = [ratio > (deep ? 1.5 : 2) && p50First >= 1 ? '比值超标' : '', roundtrips > 10 ? '往返超 10 次' : ''].filter(Boolean)
      rows.get(c)!.push({
        action: c.name,
        n,
        'p50 ms': p50,
        roundtrips,
        [`比 ${sizes[0]}`]: Number(ratio.toFixed(2)),
        status: flags.length ? `⚠ ${flags.join('，')}` : 'ok',
      })
    }
  }
  return rows
}

/** Cases that can share a world: the same grow, setup and sizes. */
export function worldsOf(cases: ScaleCase[]): ScaleCase[][] {
  const groups: ScaleCase[][] = []
  for (const c of cases) {
    const g = groups.find(([l]) => l.grow === c.grow && l.setup === c.setup && String(l.sizes ?? DEFAULT_SIZES) === String(c.sizes ?? DEFAULT_SIZES))
    if (g) g.push(c)
    else groups.push([c])
  }
  return groups
}

/** Cases are added by the areas (bench/scale-<area>.ts). */
export const SCALE_CASES: ScaleCase[] = []

export const scaleSection: Section = {
  name: '规模表（列表、报表、统计：1k / 10k / 5 万条文档）',
  async run(): Promise<Row[]> {
    const byCase = new Map<ScaleCase, Row[]>()
    for (const group of worldsOf(SCALE_CASES)) {
      try {
        for (const [c, r] of await runScaleGroup(group)) byCase.set(c, r)
      } catch (err) {
        // the world itself failed (setup or grow): every case of it
        for (const c of group) byCase.set(c, [{ action: c.name, status: `⚠ 失败：${(err as Error).message.slice(0, 120)}` }])
        console.log(`scale world of ${group.map((c) => c.name).join(', ')} failed: ${(err as Error).message}`)
      }
    }
    const rows = SCALE_CASES.flatMap((c) => byCase.get(c) ?? [])
    return rows
  },
}
