/**
 * The local host runs every call and every timer under the function's timeout from its config.json, as
 * WeChat Cloud does: past it, POST /fn/<name> answers the platform's error (errCode -504003, "Invoking task
 * timed out after N seconds"; HTTP 504 here) and the scheduler reports the run as cut off. Two stand-in
 * functions in a temporary functions folder wait as long as they are told.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { InvocationTimeout } from '../../local/cloud'
import { startHost, type Host } from '../../local/host/server'
import { FUNCTIONS_ROOT, FunctionRegistry, functionTimeoutMs } from '../../local/host/functions'
import { fireTimer } from '../../local/host/scheduler'

// Plain JavaScript (valid TypeScript too): waits `ms` (from the event, or 1.5 s for a timer) and answers.
const SLOW = `exports.main = async (event) => {
  const ms = event && event.Type === 'Timer' ? 1500 : (event && event.ms) || 0
  await new Promise((r) => setTimeout(r, ms))
  return { ok: true, data: { waited: ms } }
}
`

let root: string
let storage: string
let engine: Engine
let host: Host

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-root-'))
  storage = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-storage-'))
  for (const [name, config] of [
    ['slow', { timeout: 1 }],
    ['plain', {}],
  ] as const) {
    fs.mkdirSync(path.join(root, name, 'src'), { recursive: true })
    fs.writeFileSync(path.join(root, name, 'config.json'), JSON.stringify(config))
    fs.writeFileSync(path.join(root, name, 'src', 'index.ts'), SLOW)
  }
  engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  host = await startHost({ engine, storageDir: storage, functionsRoot: root, log: false })
})

afterAll(async () => {
  await host?.close()
  await engine?.close()
  fs.rmSync(root, { recursive: true, force: true })
  fs.rmSync(storage, { recursive: true, force: true })
})

const call = async (fn: string, event: object) => {
  const res = await fetch(`${host.url}fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-someone' },
    body: JSON.stringify(event),
  })
  return { status: res.status, body: (await res.json()) as any }
}

test("each function's timeout comes from its config.json: api 20 s, none given → the platform's 3 s", () => {
  expect(functionTimeoutMs('api', FUNCTIONS_ROOT)).toBe(20_000)
  expect(functionTimeoutMs('slow', root)).toBe(1000)
  expect(functionTimeoutMs('plain', root)).toBe(3000)
  expect(new FunctionRegistry(root).timeoutMs('slow')).toBe(1000)
})

test('a call within the limit answers; one past it gets the platform’s timeout error at the limit', async () => {
  expect(await call('slow', { ms: 10 })).toEqual({ status: 200, body: { ok: true, data: { waited: 10 } } })
  const started = Date.now()
  const late = await call('slow', { ms: 2500 })
  const took = Date.now() - started
  expect(late.status).toBe(504)
  expect(late.body).toEqual({
    errCode: -504003,
    errMsg: expect.stringMatching(/^cloud\.callFunction:fail Error: errCode: -504003 \| errMsg: Invoking task timed out after 1 seconds/),
  })
  expect(took).toBeGreaterThanOrEqual(950)
  expect(took).toBeLessThan(2000)
  // The platform default for a function that declares none.
  expect((await call('plain', { ms: 1200 })).status).toBe(200)
})

test('the scheduler fires timers under the same limit: a run past it is cut off', async () => {
  const functions = new FunctionRegistry(root)
  await expect(fireTimer(functions, 'slow', 'tick')).rejects.toBeInstanceOf(InvocationTimeout)
  await expect(fireTimer(functions, 'plain', 'tick')).resolves.toEqual({ ok: true, data: { waited: 1500 } })
})
