/**
 * Timer events reach the function only from the scheduler, as on WeChat where only the platform fires
 * timers: POST /fn/<name> refuses anything shaped like a timer event (403), whoever sends it, and the
 * jobs do not run; the local scheduler calls main directly (no HTTP request) on the config.json cron.
 *
 * The probe: a supermarket item with a stock hold older than the stale-hold window and no order behind
 * it. The timer's first job (mall.releaseStaleHolds) puts it back on the shelf: stock 0 → 3, hold gone.
 */
import * as path from 'path'
import { startStack, type Stack } from '../../local/stack'
import { looksLikeTimerEvent } from '../../local/host/server'
import { FUNCTIONS_ROOT } from '../../local/host/functions'
import { nextFire, parseCron, timerTriggers } from '../../local/host/scheduler'
import { DEMO } from '../../local/seed/demo'

async function addProbe(stack: Stack, id: string) {
  await stack.engine.insertMany('mall_items', [
    {
      _id: id,
      communityId: DEMO.xingfuli,
      name: '计时探针',
      points: 10,
      stock: 0,
      holds: [{ orderId: `o-${id}`, quantity: 3, at: new Date(Date.now() - 10 * 60_000) }],
    },
  ])
}

async function probe(stack: Stack, id: string) {
  const [item] = await stack.engine.find('mall_items', { _id: id })
  return { stock: item.stock, holds: item.holds.length }
}

function post(stack: Stack, pathname: string, body: string, openid?: string) {
  return fetch(stack.url + pathname.replace(/^\//, ''), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body,
  })
}

describe('timer events over HTTP', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack({ seed: 'demo', log: false })
  })
  afterAll(async () => {
    await stack?.close()
  })

  test('are refused with 403 whoever sends them, and the timer jobs do not run', async () => {
    await addProbe(stack, 'it-probe-http')
    const outboxBefore = await stack.engine.count('outbox')
    const events = [
      { Type: 'Timer' },
      { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() },
      { Type: 'timer', TriggerName: 'hourly' },
      { type: ' TIMER ' },
      { TriggerName: 'hourly' },
      { Type: 'Timer', action: 'org.me' },
    ]
    for (const event of events) {
      for (const openid of [undefined, '', DEMO.defaultResident.openid, DEMO.streetAdmin.openid]) {
        const res = await post(stack, '/fn/api', JSON.stringify(event), openid)
        expect({ event, openid, status: res.status }).toEqual({ event, openid, status: 403 })
        const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } }
        expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      }
    }
    // (the check is the host's, for every /fn/<name>; api is the only function there is)

    expect(await probe(stack, 'it-probe-http')).toEqual({ stock: 0, holds: 1 })
    expect(await stack.engine.count('outbox')).toBe(outboxBefore)

    // The same jobs do run when the scheduler fires the trigger: the probe is a real one.
    const answer = (await stack.runTimer('api', 'tick')) as { ok: boolean; data: Record<string, unknown> }
    expect(answer.ok).toBe(true)
    expect(answer.data['mall.releaseStaleHolds']).toEqual({ released: 1 })
    expect(await probe(stack, 'it-probe-http')).toEqual({ stock: 3, holds: 0 })
  })

  test('ordinary calls still pass, and an event merely mentioning a type is not mistaken for a timer', async () => {
    const me = await post(stack, '/fn/api', JSON.stringify({ action: 'org.me' }), DEMO.defaultResident.openid)
    expect(me.status).toBe(200)
    expect(((await me.json()) as { ok: boolean }).ok).toBe(true)
    expect(looksLikeTimerEvent({ action: 'wish.list', data: { type: 'help' } })).toBe(false)
    expect(looksLikeTimerEvent({ action: 'org.me', Type: 'Event' })).toBe(false)
    expect(looksLikeTimerEvent(null)).toBe(false)
    expect(looksLikeTimerEvent('Timer')).toBe(false)
  })
})

describe('the local scheduler', () => {
  test('reads the trigger from config.json (every 10 minutes) and fires on its minutes', () => {
    const triggers = timerTriggers(FUNCTIONS_ROOT)
    expect(triggers).toContainEqual({ fn: 'api', name: 'tick', cron: '0 */10 * * * * *' })
    expect(nextFire('0 */10 * * * * *', new Date(2026, 10, 22, 10, 15, 30, 500))).toEqual(new Date(2026, 10, 22, 10, 20, 0, 0))
    expect(nextFire('0 */10 * * * * *', new Date(2026, 10, 22, 23, 50, 0, 0))).toEqual(new Date(2026, 10, 23, 0, 0, 0, 0))
    const at = nextFire('0 0 * * * * *', new Date(2026, 10, 22, 10, 15, 30, 500))
    expect(at).toEqual(new Date(2026, 10, 22, 11, 0, 0, 0))
    expect(nextFire('0 0 * * * * *', new Date(2026, 10, 22, 23, 0, 0, 0))).toEqual(new Date(2026, 10, 23, 0, 0, 0, 0))
    expect(nextFire('*/20 * * * * * *', new Date(2026, 10, 22, 10, 15, 30))).toEqual(new Date(2026, 10, 22, 10, 15, 40))
    expect(() => parseCron('0 0 2 1 * * *')).toThrow()
    expect(path.basename(FUNCTIONS_ROOT)).toBe('cloudfunctions')
  })

  test('calls the function directly on schedule: the jobs run with no HTTP request', async () => {
    const lines: string[] = []
    const stack = await startStack({
      seed: 'demo',
      log: (l) => lines.push(l),
      timers: [{ fn: 'api', name: 'tick', cron: '* * * * * * *' }],
    })
    try {
      await addProbe(stack, 'it-probe-scheduled')
      const deadline = Date.now() + 5000
      while ((await probe(stack, 'it-probe-scheduled')).stock !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(await probe(stack, 'it-probe-scheduled')).toEqual({ stock: 3, holds: 0 })
      expect(lines.some((l) => l.startsWith('[timer] api/tick'))).toBe(true)
      expect(lines.filter((l) => l.startsWith('[host]'))).toEqual([])
    } finally {
      await stack.close()
    }
  })
})
