/**
 * Conformance of the local engine, driven through the real wx-server-sdk: each case checks
 * what WeChat Cloud documents for the server SDK.
 */
import { COLLECTION_NOT_EXIST_MESSAGE, Engine } from '../../local/engine'
import { setupCloud, testManifest } from './helpers'

let engine: Engine
let cloud: any
let db: any
let _: any
let $: any

beforeAll(async () => {
  ;({ engine, cloud, db, _, $ } = await setupCloud())
})
beforeEach(async () => {
  await engine.clearAll()
})
afterAll(async () => {
  await engine.close()
})

const people = [
  {
    _id: 'p1',
    name: 'Ann',
    age: 30,
    city: 'Beijing',
    tags: ['a', 'b'],
    addr: { city: 'BJ', zip: '100' },
    scores: [
      { s: 1, k: 'x' },
      { s: 5, k: 'y' },
    ],
  },
  { _id: 'p2', name: 'Bob', age: 25, city: 'Shanghai', tags: ['b'], addr: { city: 'SH', zip: '200' }, scores: [{ s: 3, k: 'x' }] },
  { _id: 'p3', name: 'Cat', age: 35, city: 'Beijing', tags: ['a', 'c', 'd'], addr: { city: 'BJ', zip: '101' }, scores: [] },
  { _id: 'p4', name: 'dan', age: 40, tags: [], addr: { city: 'GZ' } },
]
async function seed() {
  await engine.insertMany('people', people)
}
const ids = (r: any) => r.data.map((d: any) => d._id).sort()

describe('queries', () => {
  beforeEach(seed)

  test('comparison operators', async () => {
    const c = db.collection('people')
    expect(ids(await c.where({ age: _.eq(30) }).get())).toEqual(['p1'])
    expect(ids(await c.where({ age: _.neq(30) }).get())).toEqual(['p2', 'p3', 'p4'])
    expect(ids(await c.where({ age: _.gt(30) }).get())).toEqual(['p3', 'p4'])
    expect(ids(await c.where({ age: _.gte(30) }).get())).toEqual(['p1', 'p3', 'p4'])
    expect(ids(await c.where({ age: _.lt(30) }).get())).toEqual(['p2'])
    expect(ids(await c.where({ age: _.lte(30) }).get())).toEqual(['p1', 'p2'])
    expect(ids(await c.where({ city: _.in(['Beijing', 'Nowhere']) }).get())).toEqual(['p1', 'p3'])
    expect(ids(await c.where({ city: _.nin(['Beijing']) }).get())).toEqual(['p2', 'p4'])
  })

  test('logical operators', async () => {
    const c = db.collection('people')
    expect(ids(await c.where({ age: _.gt(26).and(_.lt(36)) }).get())).toEqual(['p1', 'p3'])
    expect(ids(await c.where({ age: _.lt(26).or(_.gt(36)) }).get())).toEqual(['p2', 'p4'])
    expect(ids(await c.where(_.or([{ city: 'Shanghai' }, { age: 40 }])).get())).toEqual(['p2', 'p4'])
    expect(ids(await c.where(_.and([{ city: 'Beijing' }, { age: _.gt(31) }])).get())).toEqual(['p3'])
    expect(ids(await c.where(_.nor([{ city: 'Beijing' }, { age: 40 }])).get())).toEqual(['p2'])
    expect(ids(await c.where({ age: _.not(_.gt(30)) }).get())).toEqual(['p1', 'p2'])
  })

  test('element, evaluation and array operators, RegExp', async () => {
    const c = db.collection('people')
    expect(ids(await c.where({ city: _.exists(false) }).get())).toEqual(['p4'])
    expect(ids(await c.where({ city: _.exists(true) }).get())).toEqual(['p1', 'p2', 'p3'])
    expect(ids(await c.where({ age: _.mod(10, 0) }).get())).toEqual(['p1', 'p4'])
    expect(ids(await c.where({ tags: _.all(['a', 'c']) }).get())).toEqual(['p3'])
    expect(ids(await c.where({ tags: _.size(1) }).get())).toEqual(['p2'])
    expect(ids(await c.where({ scores: _.elemMatch({ s: _.gt(2), k: 'x' }) }).get())).toEqual(['p2'])
    expect(ids(await c.where({ tags: 'c' }).get())).toEqual(['p3'])
    expect(ids(await c.where({ name: /^d/i }).get())).toEqual(['p4'])
    expect(ids(await c.where({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) }).get())).toEqual(['p1', 'p2'])
  })

  test('nested object in where is a partial (dotted) match', async () => {
    const c = db.collection('people')
    expect(ids(await c.where({ addr: { city: 'BJ' } }).get())).toEqual(['p1', 'p3'])
    expect(ids(await c.where({ 'addr.zip': '200' }).get())).toEqual(['p2'])
    expect(ids(await c.where({ scores: { k: 'y' } }).get())).toEqual(['p1'])
  })

  test('orderBy, skip, limit, field', async () => {
    const c = db.collection('people')
    const r = await c.orderBy('age', 'desc').skip(1).limit(2).get()
    expect(r.data.map((d: any) => d._id)).toEqual(['p3', 'p1'])
    const r2 = await c.orderBy('city', 'asc').orderBy('age', 'desc').get()
    expect(r2.data.map((d: any) => d._id)).toEqual(['p4', 'p3', 'p1', 'p2'])
    const f = await c.where({ _id: 'p1' }).field({ name: true, 'addr.city': true }).get()
    expect(f.data).toEqual([{ _id: 'p1', name: 'Ann', addr: { city: 'BJ' } }])
    const f2 = await c.doc('p2').field({ scores: false, addr: false, tags: false }).get()
    expect(f2.data).toEqual({ _id: 'p2', name: 'Bob', age: 25, city: 'Shanghai' })
  })

  test('count', async () => {
    expect(await db.collection('people').count()).toEqual({ total: 4, errMsg: 'collection.count:ok' })
    expect((await db.collection('people').where({ city: 'Beijing' }).count()).total).toBe(2)
  })

  test('doc().get of a missing document rejects (server SDK default)', async () => {
    await expect(db.collection('people').doc('nope').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
    const ok = await db.collection('people').doc('p1').get()
    expect(ok.data.name).toBe('Ann')
    expect(ok.errMsg).toBe('document.get:ok')
  })

  test('server get() is capped at 100, default 100', async () => {
    await engine.insertMany(
      'many',
      Array.from({ length: 250 }, (_x, i) => ({ i })),
    )
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(7).get()).data).toHaveLength(7)
    expect((await db.collection('many').skip(200).limit(100).get()).data).toHaveLength(50)
  })
})

describe('writes', () => {
  test('add single and many, ids are generated like the cloud', async () => {
    const r = await db.collection('notes').add({ data: { text: 'x', at: new Date('2024-01-02T03:04:05Z') } })
    expect(r).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' })
    const got = await db.collection('notes').doc(r._id).get()
    expect(got.data.at).toBeInstanceOf(Date)
    expect(got.data.at.toISOString()).toBe('2024-01-02T03:04:05.000Z')
    const many = await db.collection('notes').add({ data: [{ n: 1 }, { n: 2 }] })
    expect(many._ids).toHaveLength(2)
    const own = await db.collection('notes').add({ data: { _id: 'mine', n: 3 } })
    expect(own._id).toBe('mine')
    await expect(db.collection('notes').add({ data: { _id: 'mine' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('duplicate key'),
    })
  })

  test('doc().set creates or replaces, with stats', async () => {
    const c = db.collection('notes')
    const r1 = await c.doc('s1').set({ data: { a: 1, b: { c: 2 } } })
    expect(r1).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } })
    const r2 = await c.doc('s1').set({ data: { z: 9 } })
    expect(r2.stats).toEqual({ updated: 1, created: 0 })
    expect((await c.doc('s1').get()).data).toEqual({ _id: 's1', z: 9 })
  })

  test('doc().update merges nested objects and reports stats.updated', async () => {
    const c = db.collection('notes')
    await c.doc('u1').set({ data: { a: 1, o: { x: 1, y: 2 } } })
    const r = await c.doc('u1').update({ data: { o: { x: 5 }, b: 2 } })
    expect(r).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect((await c.doc('u1').get()).data).toEqual({ _id: 'u1', a: 1, o: { x: 5, y: 2 }, b: 2 })
    expect((await c.doc('missing').update({ data: { a: 1 } })).stats.updated).toBe(0)
  })

  test('update operators', async () => {
    const c = db.collection('ops')
    await c.doc('d').set({
      data: {
        n: 1,
        m: 3,
        lo: 5,
        hi: 5,
        gone: 1,
        old: 'v',
        arr: [3, 1],
        s: [1, 2, 3, 4],
        set: [1],
        pl: [1, 5, 9],
        pa: [1, 2, 1, 3],
        q: [1, 2],
        obj: { a: 1, b: 2 },
      },
    })
    await c.doc('d').update({
      data: {
        n: _.inc(2),
        m: _.mul(4),
        lo: _.min(2),
        hi: _.max(9),
        gone: _.remove(),
        old: _.rename('renamed'),
        arr: _.push({ each: [7, 0], position: 0, sort: 1, slice: 3 }),
        s: _.pop(),
        set: _.addToSet(2),
        pl: _.pull(_.gt(4)),
        pa: _.pullAll([1]),
        q: _.shift(),
        obj: _.set({ c: 3 }),
        t: db.serverDate({ offset: 60000 }),
      },
    })
    const d = (await c.doc('d').get()).data
    expect(d).toMatchObject({ n: 3, m: 12, lo: 2, hi: 9, renamed: 'v', arr: [0, 1, 3], s: [1, 2, 3], set: [1, 2], pl: [1], pa: [2, 3], q: [2], obj: { c: 3 } })
    expect(d.gone).toBeUndefined()
    expect(d.old).toBeUndefined()
    expect(d.t).toBeInstanceOf(Date)
    expect(Math.abs(d.t.getTime() - (Date.now() + 60000))).toBeLessThan(5000)
    await c.doc('d').update({ data: { q: _.unshift([7, 8]), set: _.addToSet({ $each: [2, 3, 3] }), arr: _.push([4]) } })
    const d2 = (await c.doc('d').get()).data
    expect(d2.q).toEqual([7, 8, 2])
    expect(d2.set).toEqual([1, 2, 3])
    expect(d2.arr).toEqual([0, 1, 3, 4])
    await expect(c.doc('d').update({ data: { renamed: _.inc(1) } })).rejects.toMatchObject({ errCode: -502001 })
  })

  test('serverDate on add and in queries', async () => {
    const before = Date.now()
    const r = await db.collection('notes').add({ data: { at: db.serverDate() } })
    const d = (await db.collection('notes').doc(r._id).get()).data
    expect(d.at).toBeInstanceOf(Date)
    expect(d.at.getTime()).toBeGreaterThanOrEqual(before - 1)
    expect(
      (
        await db
          .collection('notes')
          .where({ at: _.lte(db.serverDate()) })
          .count()
      ).total,
    ).toBe(1)
  })

  test('where().update and where().remove are multi and report stats', async () => {
    await seed()
    const c = db.collection('people')
    expect(await c.where({ city: 'Beijing' }).update({ data: { vip: true } })).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' })
    expect((await c.where({ vip: true }).count()).total).toBe(2)
    // unchanged documents are not counted as updated
    expect((await c.where({ city: 'Beijing' }).update({ data: { vip: true } })).stats.updated).toBe(0)
    expect(await c.where({ age: _.gte(35) }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect(await c.doc('p1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    expect((await c.doc('p1').remove()).stats.removed).toBe(0)
    expect((await c.count()).total).toBe(1)
  })

  test('THE TRAP: conditional update selects first, then writes back every match', async () => {
    await engine.insertMany('goods', [{ _id: 'g', stock: 1 }])
    const c = db.collection('goods')
    const r1 = await c.where({ _id: 'g', stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } })
    expect(r1.stats.updated).toBe(1)
    const r2 = await c.where({ _id: 'g', stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } })
    expect(r2.stats.updated).toBe(0)
    expect((await c.doc('g').get()).data.stock).toBe(0)
    // multi: every matching document is written, even though the update makes it stop matching
    await engine.insertMany('goods', [
      { _id: 'h1', stock: 2, k: 1 },
      { _id: 'h2', stock: 3, k: 1 },
    ])
    expect((await c.where({ k: 1, stock: _.gte(2) }).update({ data: { stock: _.inc(-2) } })).stats.updated).toBe(2)
    expect((await engine.find('goods', { k: 1 }, { sort: { _id: 1 } })).map((d) => d.stock)).toEqual([0, 1])
  })

  test('300 concurrent conditional decrements on stock 50: exactly 50 succeed', async () => {
    await engine.insertMany('goods', [{ _id: 'hot', stock: 50 }])
    const c = db.collection('goods')
    const results = await Promise.all(Array.from({ length: 300 }, () => c.where({ _id: 'hot', stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } })))
    expect(results.filter((r: any) => r.stats.updated === 1)).toHaveLength(50)
    expect((await c.doc('hot').get()).data.stock).toBe(0)
  })

  test('unique index violation surfaces as errCode -502001 with E11000 duplicate key', async () => {
    const users = db.collection('users')
    await users.add({ data: { openid: 'o1', name: 'a' } })
    const err = await users.add({ data: { openid: 'o1', name: 'b' } }).catch((e: any) => e)
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/E11000 duplicate key.*openid_unique/)
    const r = await users.add({ data: { openid: 'o2' } })
    await expect(users.doc(r._id).update({ data: { openid: 'o1' } })).rejects.toMatchObject({ errCode: -502001 })
    await expect(users.doc('x').set({ data: { openid: 'o1' } })).rejects.toMatchObject({ errCode: -502001 })
    expect((await users.where({ openid: 'o1' }).count()).total).toBe(1)
    expect((await users.doc(r._id).get()).data.openid).toBe('o2')
    // direct API is checked as well
    await expect(engine.insertMany('users', [{ openid: 'o2' }])).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})

describe('aggregate', () => {
  beforeEach(seed)

  test('match, group, sort, project, limit, skip, count, addFields, unwind', async () => {
    const c = db.collection('people')
    const g = await c
      .aggregate()
      .match({ age: _.gte(25) })
      .group({ _id: '$addr.city', n: $.sum(1), avg: $.avg('$age') })
      .sort({ n: -1, _id: 1 })
      .end()
    expect(g).toEqual({
      list: [
        { _id: 'BJ', n: 2, avg: 32.5 },
        { _id: 'GZ', n: 1, avg: 40 },
        { _id: 'SH', n: 1, avg: 25 },
      ],
      errMsg: 'collection.aggregate:ok',
    })
    const p = await c
      .aggregate()
      .sort({ age: 1 })
      .skip(1)
      .limit(2)
      .project({ name: 1, _id: 0 })
      .addFields({ upper: $.toUpper('$name') })
      .end()
    expect(p.list).toEqual([
      { name: 'Ann', upper: 'ANN' },
      { name: 'Cat', upper: 'CAT' },
    ])
    const u = await c
      .aggregate()
      .unwind('$tags')
      .group({ _id: '$tags', n: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(u.list).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 1 },
      { _id: 'd', n: 1 },
    ])
    const n = await c.aggregate().match({ city: 'Beijing' }).count('total').end()
    expect(n.list).toEqual([{ total: 2 }])
  })

  test('lookup', async () => {
    await engine.insertMany('orders', [
      { _id: 'o1', who: 'p1', amt: 5 },
      { _id: 'o2', who: 'p1', amt: 7 },
      { _id: 'o3', who: 'p2', amt: 1 },
    ])
    const r = await db
      .collection('people')
      .aggregate()
      .lookup({ from: 'orders', localField: '_id', foreignField: 'who', as: 'orders' })
      .project({ n: $.size('$orders'), total: $.sum('$orders.amt') })
      .sort({ _id: 1 })
      .end()
    expect(r.list).toEqual([
      { _id: 'p1', n: 2, total: 12 },
      { _id: 'p2', n: 1, total: 1 },
      { _id: 'p3', n: 0, total: 0 },
      { _id: 'p4', n: 0, total: 0 },
    ])
    // stored documents are not modified by the pipeline
    expect((await engine.find('people', { _id: 'p1' }))[0].orders).toBeUndefined()
  })

  test('without a limit stage the cloud answers 20 records', async () => {
    await engine.insertMany(
      'many',
      Array.from({ length: 30 }, (_x, i) => ({ i })),
    )
    expect((await db.collection('many').aggregate().match({}).end()).list).toHaveLength(20)
    expect((await db.collection('many').aggregate().match({}).limit(1000).end()).list).toHaveLength(30)
  })
})

describe('collections must exist (DATABASE_COLLECTION_NOT_EXIST, -502005)', () => {
  /** How wx-server-sdk surfaces the cloud's answer for a missing collection. */
  const missing = (api: string) => ({ errCode: -502005, errMsg: `${api}:fail -502005 database collection not exists. ${COLLECTION_NOT_EXIST_MESSAGE}` })

  test("the engine has exactly the manifest's collections", () => {
    expect(engine.collections()).toEqual(Object.keys(testManifest().collections).sort())
  })

  test('every read and write on a collection that was never created is refused', async () => {
    const c = db.collection('nowhere')
    await expect(c.get()).rejects.toMatchObject(missing('collection.get'))
    await expect(c.where({ a: 1 }).get()).rejects.toMatchObject(missing('collection.get'))
    await expect(c.count()).rejects.toMatchObject(missing('collection.count'))
    await expect(c.doc('x').get()).rejects.toMatchObject(missing('document.get'))
    await expect(c.add({ data: { a: 1 } })).rejects.toMatchObject(missing('collection.add'))
    await expect(c.doc('x').set({ data: { a: 1 } })).rejects.toMatchObject(missing('document.set'))
    await expect(c.doc('x').update({ data: { a: 1 } })).rejects.toMatchObject(missing('document.update'))
    await expect(c.where({ a: 1 }).update({ data: { a: 2 } })).rejects.toMatchObject(missing('collection.update'))
    await expect(c.doc('x').remove()).rejects.toMatchObject(missing('document.remove'))
    await expect(c.where({ a: 1 }).remove()).rejects.toMatchObject(missing('collection.remove'))
    // wx-server-sdk reports aggregate failures with errCode -1 and the service's message
    await expect(c.aggregate().match({}).end()).rejects.toMatchObject({ errCode: -1, errMsg: expect.stringContaining(COLLECTION_NOT_EXIST_MESSAGE) })
    await seed()
    await expect(db.collection('people').aggregate().lookup({ from: 'nowhere', localField: '_id', foreignField: 'who', as: 'x' }).end()).rejects.toMatchObject({
      errMsg: expect.stringContaining(COLLECTION_NOT_EXIST_MESSAGE),
    })
    // add() did not create it
    expect(engine.hasCollection('nowhere')).toBe(false)
    await expect(c.count()).rejects.toMatchObject({ errCode: -502005 })
  })

  test('inside a transaction too', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('nowhere').doc('x').get()
      }),
    ).rejects.toMatchObject(missing('document.get'))
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('nowhere').add({ data: { a: 1 } })
      }),
    ).rejects.toMatchObject(missing('collection.add'))
    await expect(
      db.runTransaction(async (t: any) => {
        await t
          .collection('nowhere')
          .doc('x')
          .set({ data: { a: 1 } })
      }),
    ).rejects.toMatchObject(missing('document.set'))
    await expect(
      db.runTransaction(async (t: any) => {
        await t
          .collection('nowhere')
          .doc('x')
          .update({ data: { a: 1 } })
      }),
    ).rejects.toMatchObject(missing('document.update'))
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('nowhere').doc('x').remove()
      }),
    ).rejects.toMatchObject(missing('document.remove'))
    expect(engine.hasCollection('nowhere')).toBe(false)
  })

  test('seeding a collection outside the manifest fails loudly, naming it', async () => {
    await expect(engine.insertMany('nowhere', [{ a: 1 }])).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: expect.stringContaining('"nowhere" is not in the database manifest'),
    })
    await expect(engine.find('nowhere')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
    await expect(engine.count('nowhere')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
  })

  test('db.createCollection creates one (once); then it works', async () => {
    const other = await Engine.open({ dataDir: null, manifest: testManifest() })
    const { installLocalCloud } = await import('../../local/cloud')
    installLocalCloud(other)
    try {
      const odb = cloud.database()
      expect((await odb.createCollection('made_at_runtime')).errMsg).toBe('createCollection:ok')
      await odb.collection('made_at_runtime').add({ data: { _id: 'a' } })
      expect((await odb.collection('made_at_runtime').count()).total).toBe(1)
      // wx-server-sdk reports createCollection failures with errCode -1
      await expect(odb.createCollection('made_at_runtime')).rejects.toMatchObject({ errCode: -1, errMsg: expect.stringContaining('already exists') })
      await expect(odb.createCollection('people')).rejects.toMatchObject({ errCode: -1 })
    } finally {
      installLocalCloud(engine)
      await other.close()
    }
  })
})

test('cloud.getWXContext is served per caller (see openapi tests for concurrency)', () => {
  expect(typeof cloud.getWXContext).toBe('function')
})
