/**
 * The function's time limit as in production, through the real main() on the local engine: the function
 * runs under config.json's timeout and the test harness enforces it, so a test fails when an action would
 * time out in production; a call past the limit fails as on the platform (errCode -504003), and whatever
 * it does afterwards never reaches the database.
 */
import { openTestCloud, type TestCloud } from '../support/cloud'
import { P, seedFixtures } from '../support/fixtures'
import { InvocationTimeout } from '../../local/cloud'
import { functionTimeoutMs } from '../../local/host/functions'
import { loadAction } from '../../cloudfunctions/api/src/actions'
import { timeoutSecondsOf } from '../../cloudfunctions/api/src/platform/limits'

let tc: TestCloud

beforeAll(async () => {
  tc = await openTestCloud()
  await seedFixtures(tc.engine)
})
afterAll(async () => {
  await tc.close()
})
afterEach(() => tc.setTimeoutMs(null))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the function time limit', () => {
  test('is config.json’s timeout (20 s), within what the WeChat console allows', () => {
    expect(functionTimeoutMs('api')).toBe(20_000)
    expect(tc.timeoutMs()).toBe(20_000)
    expect(timeoutSecondsOf({})).toBe(3)
    for (const bad of [0, 61, 2.5, '20']) expect(() => timeoutSecondsOf({ timeout: bad })).toThrow(/1 to 60/)
  })

  test('a call past it fails as on the platform, and what it does afterwards never reaches the database', async () => {
    tc.setTimeoutMs(300)
    const table = (await loadAction('org.me')) as unknown as { handler: (ctx: any, input: unknown) => Promise<unknown> }
    const real = table.handler
    let wrote: unknown = 'not yet'
    table.handler = async (ctx) => {
      await sleep(500)
      try {
        await ctx.db.collection('audit_log').add({ data: { _id: 'late-write', at: new Date() } })
        wrote = true
      } catch (err) {
        wrote = err
      }
      return {}
    }
    try {
      const err = await tc.call(P.resident.openid, 'org.me').then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(InvocationTimeout)
      expect(err).toMatchObject({ errCode: -504003, errMsg: 'Invoking task timed out after 0.300 seconds' })
      expect(String((err as Error).message)).toMatch(/^cloud\.callFunction:fail Error: errCode: -504003 \| errMsg: Invoking task timed out/)
      await sleep(400)
      expect(wrote).toBeInstanceOf(Error)
      expect(await tc.engine.count('audit_log', { _id: 'late-write' })).toBe(0)
    } finally {
      table.handler = real
    }
    // Under the limit the same call answers as ever.
    expect((await tc.call(P.resident.openid, 'org.me')).ok).toBe(true)
  })

  test('an answer that comes after the limit is no answer, even when the function never let the timer fire', async () => {
    tc.setTimeoutMs(200)
    const table = (await loadAction('org.me')) as unknown as { handler: (ctx: any, input: unknown) => Promise<unknown> }
    const real = table.handler
    table.handler = async () => {
      const t = Date.now()
      while (Date.now() - t < 400) {
        // busy: no await, so no timer can fire meanwhile
      }
      return {}
    }
    try {
      await expect(tc.call(P.resident.openid, 'org.me')).rejects.toBeInstanceOf(InvocationTimeout)
    } finally {
      table.handler = real
    }
  })
})
