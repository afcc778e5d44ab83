/**
 * The showcase `npm start` seeds (a few weeks of community life made through the real function) is
 * consistent: the ledger balances, the shelf is stocked, wishes stand in several states, an activity's
 * hours were paid, the 议事厅 has topics at every stage, requests stand in every colour with units and their staff,
 * and the other community is not empty. A newcomer, who is the default resident at first,
 * can finish the supermarket journey: she has the points for something on the shelf and redeems it.
 */
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { installLocalCloud, runAsCaller } from '../../local/cloud'
import { DEMO } from '../../local/seed/demo'
import { seedDemo } from '../../local/seed/demo'
import { seedScenario } from '../../local/seed/scenario'
import { ledgerProblems } from '../support/ledger'
import { main } from '../../cloudfunctions/api/src'
import type { StreetView } from '../../types/org'

test('the showcase seeds through the function and leaves consistent books', async () => {
  const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
  installLocalCloud(engine)
  try {
    await seedDemo(engine)
    await seedScenario(engine)
    expect(await ledgerProblems(engine)).toEqual([])
    expect(await engine.count('mall_items', { communityId: 'c-xingfuli', active: true })).toBeGreaterThanOrEqual(5)
    expect(await engine.count('mall_items', { communityId: 'c-heping' })).toBeGreaterThanOrEqual(1)
    const statuses = new Set((await engine.find('wishes', {})).map((w) => w.status))
    for (const s of ['under_review', 'open', 'claimed', 'closed']) expect(statuses).toContain(s)
    const [huang] = await engine.find('point_accounts', { _id: 'pa_c-xingfuli_u-huang-zhiqiang' })
    expect(huang.balance).toBe(30 + 20) // 3 hours at 10 an hour, and a fulfilled wish
    expect(await engine.count('party_registrations', { status: 'verified' })).toBe(2)
    expect(await engine.count('activity_signups', { status: 'no_show' })).toBe(1)
    // The 议事厅: topics at every stage, the council's seats, a meeting's minutes on the topics it discussed.
    const stages = new Set((await engine.find('topics', { communityId: 'c-xingfuli' })).map((t) => t.status))
    for (const s of ['collecting', 'opinions', 'voting', 'implementing', 'done']) expect(stages).toContain(s)
    const [council] = await engine.find('councils', { _id: 'cc_c-xingfuli' })
    expect(council.seats.length).toBeGreaterThanOrEqual(8)
    const [implementing] = await engine.find('topics', { status: 'implementing' })
    expect(implementing).toMatchObject({ outcome: 'passed', milestones: [{ done: false }, { done: false }] })
    expect(implementing.timeline.some((e: { event: string }) => e.event === 'meeting')).toBe(true)
    expect(implementing.tally.offline).toBe(3)
    // The street home counts the same: the wish awaiting review, the two verified registrations.
    const res = (await runAsCaller({ OPENID: DEMO.streetAdmin.openid, APPID: 'local' }, () =>
      main({ action: 'org.street', data: { streetId: DEMO.street } }),
    )) as { ok: boolean; data: StreetView }
    expect(res.ok).toBe(true)
    expect(res.data.totals.registeredMembers).toBe(2)
    expect(res.data.totals.wishesUnderReview).toBe(await engine.count('wishes', { status: 'under_review' }))
    expect(res.data.totals.wishesUnderReview).toBeGreaterThan(0)

    // 一键报修 / 吹哨报到: unit staff appointed (every role is now held), requests in every colour and several states,
    // and the street's view shows 城管科 (which reported late) as lagging, 安居物业 on time.
    const held = new Set((await engine.find('users', {})).flatMap((u) => u.roles.map((r: { role: string }) => r.role)))
    expect(held).toContain('unit_staff')
    const reqStatuses = new Set((await engine.find('requests', {})).map((r) => r.status))
    for (const s of ['dispatched', 'in_progress', 'resolved', 'escalated', 'closed']) expect(reqStatuses).toContain(s)
    const asStaff = (openid: string, action: string, data: object) =>
      runAsCaller({ OPENID: openid, APPID: 'local' }, () => main({ action, data })) as Promise<{ ok: boolean; data?: any }>
    const board = await asStaff(DEMO.secretaryXingfuli.openid, 'request.board', { communityId: DEMO.xingfuli })
    const colours = new Set((board.data.items as { clock: { colour: string } }[]).map((x) => x.clock.colour))
    for (const colour of ['green', 'yellow', 'red']) expect(colours).toContain(colour)
    const late = await asStaff(DEMO.streetAdmin.openid, 'request.lateUnits', { streetId: DEMO.street })
    const byName = new Map((late.data as { name: string; onTimeRate: number | null; lagging: boolean }[]).map((v) => [v.name, v]))
    expect(byName.get('街道城管科')).toMatchObject({ onTimeRate: 0, lagging: true })
    expect(byName.get('安居物业')).toMatchObject({ onTimeRate: 1 })
    const [chengguan] = await engine.find('units', { name: '街道城管科' })
    const deptQueue = await asStaff(DEMO.deptStaff.openid, 'request.queue', { communityId: DEMO.xingfuli, unitId: chengguan._id })
    expect(deptQueue.data.items.map((x: { status: string }) => x.status)).toEqual(['escalated'])

    // The default resident: her balance (the cached one and the sum of her ledger entries agree, see
    // ledgerProblems) buys the cheapest item in stock, through the function as the app would.
    const asResident = (action: string, data: object) =>
      runAsCaller({ OPENID: DEMO.defaultResident.openid, APPID: 'local' }, () => main({ action, data })) as Promise<{ ok: boolean; data?: any }>
    const community = DEMO.xingfuli
    const balance = (await asResident('points.balance', { communityId: community })).data.balance as number
    const items = ((await asResident('mall.items', { communityId: community })).data.items as { id: string; price: number; stock: number }[]).filter(
      (i) => i.stock > 0,
    )
    const cheapest = items.sort((a, b) => a.price - b.price)[0]
    expect(balance).toBeGreaterThanOrEqual(cheapest.price)
    const order = await asResident('mall.redeem', { communityId: community, itemId: cheapest.id, quantity: 1, requestKey: 'showcase-newcomer-1' })
    expect(order).toMatchObject({ ok: true, data: { status: 'reserved' } })
    expect((await asResident('points.balance', { communityId: community })).data.balance).toBe(balance - cheapest.price)
    expect(await ledgerProblems(engine)).toEqual([])
  } finally {
    await engine.close()
  }
}, 60_000)
