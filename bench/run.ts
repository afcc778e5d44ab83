/**
 * `npm run bench`: figures worth watching, printed as tables.
 *   1. mini-program package sizes (dist/weapp: main package and each subpackage, against the budgets)
 *   2. the local engine (bench/engine.ts `benchEngine()`)
 *   3. `org.me` latency through the whole function path: HTTP → host → main() → SDK → engine
 *   (and bench/coldstart.ts: the cloud bundle's size and its cold start against wx-server-sdk alone)
 *   …, and last the time limits (bench/timeouts.ts): the slowest actions and each timer job against the
 *   function's timeout, as `timeout action=… p95_ms=… limit_ms=… margin=…` / `timeout timer=… ms=… limit_ms=…` lines
 * Each section is a named function returning rows; later areas add theirs to SECTIONS.
 */
import * as fs from 'fs'
import * as http from 'http'
import * as path from 'path'
import { startStack } from '../local/stack'
import { DEMO } from '../local/seed/demo'
import { ensureBuilt } from '../test/support/build'
import { redeemSection, statementSection } from './points'
import { wishListSection } from './wish'
import { checkinSection } from './party'
import { claimSection } from './claim'
import { topicListSection, voteSection } from './council'
import { requestBoardSection, requestStatsSection } from './request'
import { bookingSection } from './services'
import { coldStartSection } from './coldstart'
import { timeoutSection } from './timeouts'
import { SCALE_CASES, scaleSection } from './scale'
import { WISH_SCALE } from './scale-wish'
import { PARTY_SCALE } from './scale-party'
import { MALL_SCALE, POINTS_SCALE } from './scale-points'
import { ORG_SCALE } from './scale-org'
import { COUNCIL_SCALE } from './scale-council'
import { REQUEST_SCALE } from './scale-requests'
import { SERVICE_SCALE } from './scale-services'
import { setRoundTripLatency } from '../local/cloud'

SCALE_CASES.push(...WISH_SCALE)
SCALE_CASES.push(...PARTY_SCALE)
SCALE_CASES.push(...POINTS_SCALE, ...MALL_SCALE)
SCALE_CASES.push(...ORG_SCALE)
SCALE_CASES.push(...COUNCIL_SCALE)
SCALE_CASES.push(...REQUEST_SCALE)
SCALE_CASES.push(...SERVICE_SCALE)

const ROOT = path.resolve(__dirname, '..')
const WEAPP = path.join(ROOT, 'dist', 'weapp')

export type Row = Record<string, string | number>
export interface Section {
  name: string
  run(): Promise<Row[]>
}

const KB = 1024
const MB = 1024 * KB
export const PACKAGE_LIMIT = 2 * MB
export const MAIN_BUDGET = 600 * KB

/** File types WeChat DevTools uploads (source maps, licence notes and project files stay behind). */
const UPLOADED = /\.(js|json|wxml|wxss|wxs|png|jpe?g|gif|svg|webp|bmp|ttf|woff2?|mp3|wav|m4a|aac|mp4)$/i
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json', 'sitemap.json.map'])

const fmtKB = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

function walk(dir: string, out: { rel: string; size: number }[] = [], base = dir): { rel: string; size: number }[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) walk(full, out, base)
    else if (e.isFile()) out.push({ rel: path.relative(base, full).split(path.sep).join('/'), size: fs.statSync(full).size })
  }
  return out
}

/** Sizes of the main package and each subpackage of a weapp build folder. */
export function packageSizes(dir = WEAPP): { name: string; root: string; bytes: number; files: number }[] {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/^\/+|\/+$/g, ''))
  const packages = [{ name: '主包', root: '', bytes: 0, files: 0 }, ...roots.map((r) => ({ name: `分包 ${r}`, root: r, bytes: 0, files: 0 }))]
  for (const f of walk(dir)) {
    if (!UPLOADED.test(f.rel) || NOT_UPLOADED.has(f.rel)) continue
    const pkg = packages.find((p) => p.root && (f.rel === p.root || f.rel.startsWith(p.root + '/'))) ?? packages[0]
    pkg.bytes += f.size
    pkg.files++
  }
  return packages
}

const packagesSection: Section = {
  name: '小程序包体积 (dist/weapp)',
  async run() {
    if (!fs.existsSync(path.join(WEAPP, 'app.json'))) {
      console.log('  dist/weapp/app.json 不存在，正在构建 weapp：npx taro build --type weapp …')
      await ensureBuilt('weapp')
    }
    const pkgs = packageSizes()
    const rows: Row[] = pkgs.map((p) => {
      const flags: string[] = []
      if (p.bytes > PACKAGE_LIMIT) flags.push('超出 2 MB 上限')
      if (!p.root && p.bytes > MAIN_BUDGET) flags.push('超出主包预算 600 KB')
      return { package: p.name, files: p.files, size: fmtKB(p.bytes), status: flags.length ? `⚠ ${flags.join('，')}` : 'ok' }
    })
    const total = pkgs.reduce((s, p) => s + p.bytes, 0)
    rows.push({ package: '合计', files: pkgs.reduce((s, p) => s + p.files, 0), size: fmtKB(total), status: total > 20 * MB ? '⚠ 超出 20 MB' : 'ok' })
    return rows
  },
}

const engineSection: Section = {
  name: '本地引擎 (bench/engine.ts)',
  async run() {
    let mod: { benchEngine?: () => Promise<Record<string, unknown>> | Record<string, unknown> }
    try {
      mod = require('./engine')
    } catch (err) {
      return [{ figure: 'bench/engine.ts', value: `不可用：${(err as Error).message.split('\n')[0]}` }]
    }
    if (typeof mod.benchEngine !== 'function') return [{ figure: 'bench/engine.ts', value: '没有导出 benchEngine()' }]
    const figures = await mod.benchEngine()
    return Object.entries(figures).map(([figure, value]) => ({ figure, value: typeof value === 'number' ? Number(value.toFixed(2)) : String(value) }))
  },
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const latencySection: Section = {
  name: 'org.me 延迟（HTTP → 本地主机 → main() → wx-server-sdk → 引擎）',
  async run() {
    const stack = await startStack({ port: 0, seed: 'demo', log: false })
    // node's http client with keep-alive: it shares this process with the host, and fetch (undici)
    // would add ~1 ms of its own per call to every figure.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
    try {
      const body = JSON.stringify({ action: 'org.me' })
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wx-openid': DEMO.defaultResident.openid }
      const post = () =>
        new Promise<{ ok: boolean }>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port: stack.port, path: '/fn/api', method: 'POST', agent, headers }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
              } catch (err) {
                reject(err)
              }
            })
            res.on('error', reject)
          })
          req.on('error', reject)
          req.end(body)
        })
      const once = async (): Promise<number> => {
        const t = process.hrtime.bigint()
        const answer = await post()
        if (!answer.ok) throw new Error(`org.me failed: ${JSON.stringify(answer)}`)
        return Number(process.hrtime.bigint() - t) / 1e6
      }
      for (let i = 0; i < 30; i++) await once() // warm: function loaded, JIT, keep-alive sockets

      const N = 500
      const measure = async (concurrency: number): Promise<Row> => {
        const times: number[] = []
        let next = 0
        const started = process.hrtime.bigint()
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < N) {
              next++
              times.push(await once())
            }
          }),
        )
        const wall = Number(process.hrtime.bigint() - started) / 1e9
        times.sort((a, b) => a - b)
        return {
          mode: concurrency === 1 ? '顺序' : `并发 ${concurrency}`,
          calls: times.length,
          'p50 ms': Number(percentile(times, 50).toFixed(2)),
          'p95 ms': Number(percentile(times, 95).toFixed(2)),
          'p99 ms': Number(percentile(times, 99).toFixed(2)),
          'max ms': Number(times[times.length - 1].toFixed(2)),
          'calls/s': Math.round(times.length / wall),
        }
      }
      return [await measure(1), await measure(20)]
    } finally {
      agent.destroy()
      await stack.close()
    }
  },
}

/** Later areas append their sections here. */
export const SECTIONS: Section[] = [
  packagesSection,
  coldStartSection,
  engineSection,
  latencySection,
  redeemSection,
  statementSection,
  wishListSection,
  checkinSection,
  claimSection,
  voteSection,
  topicListSection,
  requestBoardSection,
  requestStatsSection,
  bookingSection,
  scaleSection,
  timeoutSection,
]

/** Width of a string as a terminal shows it (CJK characters take two columns). */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))))

export function formatTable(rows: Row[]): string {
  if (!rows.length) return '  (无数据)'
  const cols = Array.from(new Set(rows.flatMap((r) => Object.keys(r))))
  const cells = rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))))
  const numeric = cols.map((_, i) => rows.every((r) => typeof r[cols[i]] === 'number' || r[cols[i]] === undefined))
  const widths = cols.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))))
  const line = (vals: string[]) => '  ' + vals.map((v, i) => pad(v, widths[i], numeric[i])).join('  ')
  return [line(cols), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

async function main(): Promise<void> {
  let failed = false
  // `npm run bench -- 超时` runs only the sections whose name contains one of the words given.
  // `--latency=3` adds 3 ms to every database / open-API request (the cloud's round trip; bench/scale.ts).
  const args = process.argv.slice(2)
  const latency = args.find((a) => a.startsWith('--latency='))
  if (latency) setRoundTripLatency(Number(latency.slice('--latency='.length)) || 0)
  const only = args.filter((a) => !a.startsWith('--'))
  for (const section of SECTIONS.filter((s) => only.length === 0 || only.some((w) => s.name.includes(w)))) {
    console.log(`\n== ${section.name} ==`)
    const started = Date.now()
    try {
      console.log(formatTable(await section.run()))
    } catch (err) {
      failed = true
      console.log(`  失败：${err instanceof Error ? err.message : String(err)}`)
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  process.exitCode = failed ? 1 : 0
}

if (require.main === module) void main()
