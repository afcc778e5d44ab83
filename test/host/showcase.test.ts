/**
 * The showcase `npm start` seeds (a few weeks of community life made through the real function) is
 * consistent: the ledger balances, the shelf is stocked, wishes stand in several states, an activity's
 * hours were paid, and the other community is not empty.
 */
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { installLocalCloud } from '../../local/cloud'
import { seedDemo } from '../../local/seed/demo'
import { seedScenario } from '../../local/seed/scenario'
import { ledgerProblems } from '../support/ledger'
import { runAsCaller } from '../../local/cloud'
import { main } from '../../cloudfunctions/api/src'
import { DEMO } from '../../local/seed/demo'
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
    // The street home counts the same: the wish awaiting review, the two verified registrations.
    const res = (await runAsCaller({ OPENID: DEMO.streetAdmin.openid, APPID: 'local' }, () => main({ action: 'org.street', data: { streetId: DEMO.street } }))) as { ok: boolean; data: StreetView }
    expect(res.ok).toBe(true)
    expect(res.data.totals.registeredMembers).toBe(2)
    expect(res.data.totals.wishesUnderReview).toBe(await engine.count('wishes', { status: 'under_review' }))
    expect(res.data.totals.wishesUnderReview).toBeGreaterThan(0)
  } finally {
    await engine.close()
  }
}, 60_000)
