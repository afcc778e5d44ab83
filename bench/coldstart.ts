/**
 * The deployable bundle's size and what it adds to a cold start.
 * Builds cloudfunctions/api/index.js (as `npm run build:cloud` does), then spawns fresh node processes,
 * alternating: one that requires wx-server-sdk alone (what any cloud function pays) and one that requires the
 * bundle (SDK + our code: zod schemas, the router, every module). Each is timed from spawn to exit; the
 * medians are compared. Prints, besides the table:
 *   bundle_kb=<n>
 *   cold_start_ms=<n> sdk_only_ms=<n> ratio=<x>
 * Budgets: bundle ≤ 400 KB, ratio ≤ 1.1. On a busy machine the absolute times swing; the ratio less so.
 */
import { spawnSync } from 'child_process'
import * as path from 'path'
import { buildCloud, FUNCTION_DIR } from '../scripts/build-cloud'
import type { Row, Section } from './run'

export const BUNDLE_BUDGET_KB = 400
export const COLD_START_RATIO_BUDGET = 1.1

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Wall time of one fresh `node -e <code>` run, in ms (spawn to exit). */
function timeNode(code: string): number {
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['-e', code], { cwd: FUNCTION_DIR, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`node -e ${code} failed: ${r.stderr.split('\n')[0]}`)
  return ms
}

export interface ColdStart {
  bundleKb: number
  coldStartMs: number
  sdkOnlyMs: number
  ratio: number
  runs: number
}

export async function measureColdStart(runs = Number(process.env.BENCH_COLD_RUNS) || 15): Promise<ColdStart> {
  const built = await buildCloud({ quiet: true })
  const sdkOnly = "require('wx-server-sdk')"
  const bundle = `require(${JSON.stringify(path.resolve(built.outfile))})`
  timeNode(sdkOnly) // warm the file cache for both
  timeNode(bundle)
  const sdk: number[] = []
  const full: number[] = []
  for (let i = 0; i < runs; i++) {
    sdk.push(timeNode(sdkOnly))
    full.push(timeNode(bundle))
  }
  const coldStartMs = median(full)
  const sdkOnlyMs = median(sdk)
  return { bundleKb: Math.round(built.bytes / 1024), coldStartMs, sdkOnlyMs, ratio: coldStartMs / sdkOnlyMs, runs }
}

export const coldStartSection: Section = {
  name: '云函数包体积与冷启动 (cloudfunctions/api/index.js)',
  async run(): Promise<Row[]> {
    const m = await measureColdStart()
    console.log(`  bundle_kb=${m.bundleKb}`)
    console.log(`  cold_start_ms=${Math.round(m.coldStartMs)} sdk_only_ms=${Math.round(m.sdkOnlyMs)} ratio=${m.ratio.toFixed(2)}`)
    return [
      { figure: 'bundle_kb', value: m.bundleKb, budget: `≤ ${BUNDLE_BUDGET_KB}`, status: m.bundleKb <= BUNDLE_BUDGET_KB ? 'ok' : '⚠ 超出预算' },
      { figure: `cold_start_ms (median of ${m.runs})`, value: Math.round(m.coldStartMs), budget: '', status: '' },
      { figure: `sdk_only_ms (median of ${m.runs})`, value: Math.round(m.sdkOnlyMs), budget: '', status: '' },
      { figure: 'ratio', value: Number(m.ratio.toFixed(2)), budget: `≤ ${COLD_START_RATIO_BUDGET}`, status: m.ratio <= COLD_START_RATIO_BUDGET ? 'ok' : '⚠ 超出预算' },
    ]
  },
}

if (require.main === module) {
  coldStartSection
    .run()
    .then(() => undefined)
    .catch((err) => {
      console.error(err)
      process.exitCode = 1
    })
}
