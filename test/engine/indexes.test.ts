/** Index use: lookups on indexed fields among 100,000 documents examine only the candidates. */
import { Engine, loadDatabaseManifest } from '../../local/engine'
import { installLocalCloud } from '../../local/cloud'

const N = 100_000
let engine: Engine
let db: any
let _: any
const T0 = Date.UTC(2024, 0, 1)

beforeAll(async () => {
  const manifest = loadDatabaseManifest()
  manifest.collections.big = [
    { name: 'k_unique', keys: [['k', 1]], unique: true },
    { name: 'at_desc', keys: [['at', -1]] },
    {
      name: 'cat_n',
      keys: [
        ['cat', 1],
        ['n', -1],
      ],
    },
    { name: 'tags', keys: [['tags', 1]] },
  ]
  engine = await Engine.open({ dataDir: null, manifest })
  const docs = []
  for (let i = 0; i < N; i++) {
    docs.push({ _id: `d${i}`, k: `k${i}`, kCopy: `k${i}`, n: i, cat: i % 100, at: new Date(T0 + i * 1000), tags: [`t${i % 1000}`, `u${i % 7}`] })
  }
  const t = Date.now()
  await engine.insertMany('big', docs)
  const users = []
  for (let i = 0; i < 20000; i++)
    users.push({
      openid: `o${i}`,
      roles: [{ communityId: `c${i % 500}`, role: 'resident' }, ...(i % 10 === 0 ? [{ communityId: 'special', role: 'admin' }] : [])],
    })
  await engine.insertMany('users', users)
  // loading 100k documents with 4 indexes stays well under a few seconds
  // ~1.5 s alone; generous bound because jest runs suites in parallel on 2 cores
  expect(Date.now() - t).toBeLessThan(20000)
  installLocalCloud(engine)

  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  db = cloud.database()
  _ = db.command
}, 60000)
afterAll(async () => {
  await engine.close()
})

test('equality on an indexed field examines one document', async () => {
  const r = await db.collection('big').where({ k: 'k54321' }).get()
  expect(r.data.map((d: any) => d.n)).toEqual([54321])
  expect(engine.stats.examined).toBe(1)
  expect(engine.stats.lastPlan).toMatch(/IXSCAN k_unique/)
  await db
    .collection('big')
    .where({ k: _.in(['k1', 'k2', 'nope']) })
    .get()
  expect(engine.stats.examined).toBe(2)
  expect((await db.collection('big').doc('d777').get()).data.n).toBe(777)
  expect(engine.stats.examined).toBe(1)
})

test('a lookup on an unindexed field examines every document', async () => {
  const r = await db.collection('big').where({ kCopy: 'k54321' }).get()
  expect(r.data).toHaveLength(1)
  expect(engine.stats.examined).toBe(N)
  expect(engine.stats.lastPlan).toMatch(/COLLSCAN/)
})

test('range on an indexed Date field examines only the matching documents', async () => {
  const from = new Date(T0 + 5000 * 1000)
  const to = new Date(T0 + 5050 * 1000)
  const r = await db
    .collection('big')
    .where({ at: _.gte(from).and(_.lt(to)) })
    .limit(100)
    .get()
  expect(r.data).toHaveLength(50)
  expect(engine.stats.examined).toBe(50)
  expect(await engine.count('big', { at: { $gt: new Date(T0 + (N - 11) * 1000) } })).toBe(10)
  expect(engine.stats.examined).toBe(10)
})

test('equality prefix + sort on the next compound field with a limit reads only what it returns', async () => {
  const r = await db.collection('big').where({ cat: 42 }).orderBy('n', 'desc').limit(5).get()
  expect(r.data.map((d: any) => d.n)).toEqual([99942, 99842, 99742, 99642, 99542])
  expect(engine.stats.examined).toBe(5)
  expect(engine.stats.lastPlan).toMatch(/cat_n.*sorted/)
  const asc = await db
    .collection('big')
    .where({ cat: 42, n: _.gt(500) })
    .orderBy('n', 'asc')
    .limit(3)
    .get()
  expect(asc.data.map((d: any) => d.n)).toEqual([542, 642, 742])
  expect(engine.stats.examined).toBe(3)
  // sorting by an indexed field without a filter stops after skip + limit
  const latest = await db.collection('big').orderBy('at', 'desc').skip(2).limit(3).get()
  expect(latest.data.map((d: any) => d.n)).toEqual([N - 3, N - 4, N - 5])
  expect(engine.stats.examined).toBe(5)
})

test('multikey index over an array of objects (roles.communityId) and over an array field', async () => {
  const r = await db.collection('users').where({ 'roles.communityId': 'c7' }).count()
  expect(r.total).toBe(40)
  expect(engine.stats.examined).toBe(40)
  expect(
    (
      await db
        .collection('users')
        .where({ roles: { communityId: 'special' } })
        .count()
    ).total,
  ).toBe(2000)
  expect(engine.stats.examined).toBe(2000)
  expect(
    (
      await db
        .collection('users')
        .where({ roles: _.elemMatch({ communityId: 'c3', role: 'resident' }) })
        .count()
    ).total,
  ).toBe(40)
  expect(engine.stats.examined).toBe(40)
  expect((await db.collection('big').where({ tags: 't5' }).count()).total).toBe(100)
  expect(engine.stats.examined).toBe(100)
})

test('a multikey index with equality on the array field serves an order by _id (users.roles_community_id), each document once', async () => {
  // Two roles in the same community: two index entries with the same key, visited in a row, answered once.
  await engine.insertMany('users', [
    {
      _id: 'zz-two-roles',
      openid: 'o-two',
      roles: [
        { communityId: 'special', role: 'admin' },
        { communityId: 'special', role: 'resident' },
      ],
    },
  ])
  const all = (await engine.find('users', { 'roles.communityId': 'special' })).map((u) => u._id).sort()
  const first = await db.collection('users').where({ 'roles.communityId': 'special' }).orderBy('_id', 'asc').limit(5).get()
  expect(first.data.map((u: any) => u._id)).toEqual(all.slice(0, 5))
  expect(engine.stats.examined).toBeLessThanOrEqual(6)
  // A deep page starts at its cursor: it examines a page, not what came before.
  const deep = await db
    .collection('users')
    .where({ 'roles.communityId': 'special', _id: _.gt(all[all.length - 3]) })
    .orderBy('_id', 'asc')
    .limit(5)
    .get()
  expect(deep.data.map((u: any) => u._id)).toEqual(all.slice(-2))
  expect(engine.stats.examined).toBeLessThanOrEqual(4)
  expect(all.filter((id) => id === 'zz-two-roles')).toHaveLength(1)
  await db.collection('users').doc('zz-two-roles').remove()
})

test('indexes follow updates and removals; results equal a full scan', async () => {
  const c = db.collection('big')
  await c.doc('d10').update({ data: { k: 'moved', cat: 1000 } })
  expect((await c.where({ k: 'k10' }).get()).data).toHaveLength(0)
  expect((await c.where({ k: 'moved' }).get()).data.map((d: any) => d._id)).toEqual(['d10'])
  expect((await c.where({ cat: 1000 }).count()).total).toBe(1)
  await c.where({ cat: 1000 }).remove()
  expect((await c.where({ k: 'moved' }).get()).data).toHaveLength(0)
  const viaIndex = (await engine.find('big', { cat: 7, n: { $lt: 3000 } })).map((d) => d._id).sort()
  const viaScan = (await engine.find('big', { $expr: { $eq: ['$cat', 7] }, n: { $lt: 3000 } })).map((d) => d._id).sort()
  expect(viaIndex).toEqual(viaScan)
  expect(viaIndex).toHaveLength(30)
})
