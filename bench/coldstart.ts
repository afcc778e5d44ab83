/**
 * The deployable bundle's size and what it adds to a cold start.
 * Builds cloudfunctions/api/index.js (as `npm run build:cloud` does), then spawns fresh node processes,
 * alternating: one that requires wx-server-sdk alone (what any cloud function pays) and one that requires the
 * bundle (SDK + our code) and loads what its first request needs (the declaration of org.login: zod, the org
 * schemas, the router); other actions load on their own first call. Each is timed from spawn to exit; the
 * medians are compared. Prints, besides the table:
 *   bundle_kb=<n>
 *   cold_start_ms=<n> sdk_only_ms=<n> ratio=<x>
 *   sdk_init_ms=<n> ratio_vs_sdk_init=<x>
 *   cold_start_cpu_ms=<n> sdk_only_cpu_ms=<n> cpu_ratio=<x>   (CPU the processes used: steadier when shared)
 * sdk_init_ms compares with the smallest real cloud function, `require('wx-server-sdk')` + `cloud.init()`:
 * the bundle calls cloud.init() at load (as WeChat asks), and init alone costs ~20 ms of CPU.
 * Budgets: bundle ≤ 450 KB (400 KB until issue 15; see test/cloud-bundle/bundle.test.ts), ratio ≤ 1.1. On a busy machine the absolute times swing; the ratio less so.
 */
import { spawnSync } from 'child_process'
import * as path from 'path'
import { buildCloud, FUNCTION_DIR } from '../scripts/build-cloud'
import type { Row, Section } from './run'

export const BUNDLE_BUDGET_KB = 450
export const COLD_START_RATIO_BUDGET = 1.1
/** The first action a session calls (the app's launch asks org.login, then org.me): what a cold start loads. */
export const FIRST_ACTION = 'org.login'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * One fresh `node -e <code>` run: wall ms (spawn to exit) and the CPU ms the process used (user + system, as
 * it reports at the end). CPU time is steadier than wall time on a shared machine.
 */
function timeNode(code: string): { wall: number; cpu: number } {
  const started = process.hrtime.bigint()
  // `code` may be a promise (the bundle's first action is loaded asynchronously): report when it settles.
  const report = 'const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1000))'
  const r = spawnSync(process.execPath, ['-e', `Promise.resolve((()=>{${code}})()).then(()=>{${report}})`], { cwd: FUNCTION_DIR, encoding: 'utf8' })
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`node -e ${code} failed: ${r.stderr.split('\n')[0]}`)
  return { wall, cpu: Number(r.stdout.trim().split('\n').pop()) }
}

export interface ColdStart {
  bundleKb: number
  coldStartMs: number
  sdkOnlyMs: number
  ratio: number
  sdkInitMs: number
  ratioVsSdkInit: number
  /** the same medians in CPU ms */
  cpu: { coldStart: number; sdkOnly: number; ratio: number }
  runs: number
}

export async function measureColdStart(runs = Number(process.env.BENCH_COLD_RUNS) || 21): Promise<ColdStart> {
  const built = await buildCloud({ quiet: true })
  const sdkOnly = "require('wx-server-sdk')"
  const sdkInit = "const cloud = require('wx-server-sdk'); cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })"
  // The bundle, and what its first request loads besides: the declaration of the action (org.me, what the
  // app asks first) with zod and its area's schemas. Actions load on their first call, so loading the
  // bundle alone would leave that cost out of the figure.
  const bundle = `return require(${JSON.stringify(path.resolve(built.outfile))}).loadAction(${JSON.stringify(FIRST_ACTION)})`
  timeNode(sdkOnly) // warm the file cache for all
  timeNode(bundle)
  const sdk: { wall: number; cpu: number }[] = []
  const init: { wall: number; cpu: number }[] = []
  const full: { wall: number; cpu: number }[] = []
  for (let i = 0; i < runs; i++) {
    sdk.push(timeNode(sdkOnly))
    full.push(timeNode(bundle))
    init.push(timeNode(sdkInit))
  }
  const coldStartMs = median(full.map((x) => x.wall))
  const sdkOnlyMs = median(sdk.map((x) => x.wall))
  const sdkInitMs = median(init.map((x) => x.wall))
  const cpuFull = median(full.map((x) => x.cpu))
  const cpuSdk = median(sdk.map((x) => x.cpu))
  return {
    bundleKb: Math.round(built.bytes / 1024),
    coldStartMs,
    sdkOnlyMs,
    ratio: coldStartMs / sdkOnlyMs,
    sdkInitMs,
    ratioVsSdkInit: coldStartMs / sdkInitMs,
    cpu: { coldStart: cpuFull, sdkOnly: cpuSdk, ratio: cpuFull / cpuSdk },
    runs,
  }
}

export const coldStartSection: Section = {
  name: '云函数包体积与冷启动 (cloudfunctions/api/index.js)',
  async run(): Promise<Row[]> {
    const m = await measureColdStart()
    console.log(`  bundle_kb=${m.bundleKb}`)
    console.log(`  cold_start_ms=${Math.round(m.coldStartMs)} sdk_only_ms=${Math.round(m.sdkOnlyMs)} ratio=${m.ratio.toFixed(2)}`)
    console.log(`  sdk_init_ms=${Math.round(m.sdkInitMs)} ratio_vs_sdk_init=${m.ratioVsSdkInit.toFixed(2)}`)
    console.log(`  cold_start_cpu_ms=${Math.round(m.cpu.coldStart)} sdk_only_cpu_ms=${Math.round(m.cpu.sdkOnly)} cpu_ratio=${m.cpu.ratio.toFixed(2)}`)
    return [
      { figure: 'bundle_kb', value: m.bundleKb, budget: `≤ ${BUNDLE_BUDGET_KB}`, status: m.bundleKb <= BUNDLE_BUDGET_KB ? 'ok' : '⚠ 超出预算' },
      { figure: `cold_start_ms (median of ${m.runs})`, value: Math.round(m.coldStartMs), budget: '', status: '' },
      { figure: `sdk_only_ms (median of ${m.runs})`, value: Math.round(m.sdkOnlyMs), budget: '', status: '' },
      {
        figure: 'ratio',
        value: Number(m.ratio.toFixed(2)),
        budget: `≤ ${COLD_START_RATIO_BUDGET}`,
        status: m.ratio <= COLD_START_RATIO_BUDGET ? 'ok' : '⚠ 超出预算',
      },
      { figure: `sdk_init_ms (require + cloud.init, median of ${m.runs})`, value: Math.round(m.sdkInitMs), budget: '', status: '' },
      { figure: 'ratio_vs_sdk_init', value: Number(m.ratioVsSdkInit.toFixed(2)), budget: '', status: '' },
      { figure: 'cpu_ratio (CPU ms, bundle / SDK alone)', value: Number(m.cpu.ratio.toFixed(2)), budget: '', status: '' },
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
