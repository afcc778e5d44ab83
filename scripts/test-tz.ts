/**
 * `npm run test:tz`: the unit and integration suites once per server time zone — UTC (what WeChat Cloud's
 * functions run in), Asia/Shanghai (where residents are) and Pacific/Kiritimati (UTC+14, the farthest from
 * both) — each started in the last half-minute of a China month or year (TEST_NOW: the harness's clock, see
 * test/support/cloud.ts), so every suite crosses China midnight in its first seconds while the process's own
 * calendar says otherwise. Proves no day, month or year boundary depends on the process's zone or on when
 * the suite runs. Each run is a plain `TZ=<zone> TEST_NOW=<time> npx jest test/integration test/unit`, one
 * after another. TEST_NOW set in the environment replaces the three start times; extra arguments go to jest
 * (`npm run test:tz -- test/unit` narrows it). Not part of `npm test`.
 *
 * The per-test timeout is raised to 120 s (jest's config says 30 s): three full passes back to back on a
 * shared machine, where a mini-program code rendered inside jest takes seconds (party.registerCode ≈ 6 s
 * under load, against ≈ 0.3 s in plain node), time out for reasons that have nothing to do with time zones.
 */
import { spawnSync } from 'child_process'
import * as path from 'path'

const ROOT = path.resolve(__dirname, '..')
const RUNS = [
  // 23:59:30 on 30 Nov in Shanghai; the process's date is 30 Nov all along.
  { zone: 'UTC', start: '2026-11-30T15:59:30Z', offset: '0' },
  // 23:59:30 on 31 Dec 2026 in Shanghai: the China year turns.
  { zone: 'Asia/Shanghai', start: '2026-12-31T15:59:30Z', offset: '480' },
  // 23:59:30 on 30 Nov in Shanghai, already 05:59:30 on 1 Dec for the process.
  { zone: 'Pacific/Kiritimati', start: '2026-11-30T15:59:30Z', offset: '840' },
]
const extra = process.argv.slice(2)
const suites = extra.some((a) => !a.startsWith('-')) ? [] : ['test/integration', 'test/unit']
const options = extra.some((a) => a.startsWith('--testTimeout')) ? [] : ['--testTimeout=120000']

const results: { zone: string; start: string; offset: string; ok: boolean; seconds: number }[] = []
for (const run of RUNS) {
  const start = process.env.TEST_NOW || run.start
  const env = { ...process.env, TZ: run.zone, TEST_NOW: start }
  // What the zone means to node here (a zone the system does not know would silently be UTC).
  const offset = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(-new Date("2026-11-30T16:00:00Z").getTimezoneOffset()))'], {
    env,
    encoding: 'utf8',
  }).stdout
  console.log(`\n=== TZ=${run.zone} (UTC offset ${offset} min) TEST_NOW=${start}: npx jest ${[...suites, ...options, ...extra].join(' ')}\n`)
  const started = Date.now()
  const jest = spawnSync('npx', ['jest', ...suites, ...options, ...extra], { cwd: ROOT, env, stdio: 'inherit' })
  results.push({ zone: run.zone, start, offset, ok: jest.status === 0 && offset === run.offset, seconds: Math.round((Date.now() - started) / 1000) })
}

console.log('\n=== test:tz')
for (const r of results)
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  TZ=${r.zone.padEnd(19)} offset ${r.offset.padStart(3)} min  TEST_NOW=${r.start}  ${r.seconds} s`)
const unknown = results.filter((r, i) => r.offset !== RUNS[i].offset)
if (unknown.length) console.log(`zones this system does not know (tzdata missing?): ${unknown.map((r) => r.zone).join(', ')}`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
