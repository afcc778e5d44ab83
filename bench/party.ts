/**
 * activity.checkin: 500 members checking in to one activity at the same moment, through main().
 */
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud, runAsCaller } from '../local/cloud'
import { fixtureDocs, P, T } from '../test/support/fixtures'
import type { Row, Section } from './run'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

export const checkinSection: Section = {
  name: 'activity.checkin（500 人同时签到同一活动）',
  async run(): Promise<Row[]> {
    const engine = await Engine.open({ dataDir: null, manifest: loadDatabaseManifest() })
    installLocalCloud(engine)
    for (const [c, docs] of Object.entries(fixtureDocs())) await engine.insertMany(c, docs)

    const { main } = require('../cloudfunctions/api/src/index') as { main: Main }
    const ok = async (openid: string, action: string, data: object) => {
      const res = await runAsCaller({ OPENID: openid }, () => main({ action, data }))
      if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`)
      return res.data
    }
    const now = new Date()
    const people = Array.from({ length: 500 }, (_, i) => ({ id: `u-ci-${i}`, openid: `o-ci-${i}` }))
    await engine.insertMany(
      'users',
      people.map((p) => ({
        _id: p.id,
        openid: p.openid,
        offline: false,
        nickname: '志愿者',
        avatarUrl: null,
        realName: null,
        phone: null,
        householdId: T.h2,
        communityId: T.c1,
        roles: [{ communityId: T.c1, role: 'volunteer' }],
        proxies: [],
        privacy: null,
        elderMode: null,
        birthYear: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const a = await ok(P.secretary.openid!, 'activity.upsert', {
      communityId: T.c1,
      title: '社区大扫除',
      description: '',
      place: '幸福里小区',
      capacity: 1000,
      pointsPerHour: 5,
      startAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      endAt: new Date(Date.now() + 3600_000).toISOString(),
    })
    await engine.insertMany(
      'activity_signups',
      people.map((p) => ({
        _id: `${a.id}_${p.id}`,
        activityId: a.id,
        communityId: T.c1,
        userId: p.id,
        status: 'signed',
        signedAt: now,
        checkinAt: null,
        checkoutAt: null,
        hours: null,
        confirmedHours: null,
        correction: null,
        confirmedAt: null,
      })),
    )
    const code = await ok(P.secretary.openid!, 'activity.checkinCode', { communityId: T.c1, activityId: a.id })
    const times: number[] = []
    let failed = 0
    const started = process.hrtime.bigint()
    await Promise.all(
      people.map(async (p) => {
        const t = process.hrtime.bigint()
        const res = await runAsCaller({ OPENID: p.openid }, () => main({ action: 'activity.checkin', data: { communityId: T.c1, token: code.token } }))
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        if (!res.ok) failed++
      }),
    )
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    times.sort((x, y) => x - y)
    const checkedIn = await engine.count('activity_signups', { activityId: a.id, status: 'checked_in' })
    await engine.close()
    return [
      {
        人数: 500,
        成功: checkedIn,
        失败: failed,
        'p50 ms': +percentile(times, 50).toFixed(1),
        'p95 ms': +percentile(times, 95).toFixed(1),
        '总耗时 s': +wall.toFixed(2),
      },
    ]
  },
}
