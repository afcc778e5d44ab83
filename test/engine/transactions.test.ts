/** Transactions through the real SDK: runTransaction, startTransaction, conflicts and retries. */
import { Engine } from '../../local/engine'
import { setupCloud } from './helpers'

let engine: Engine
let db: any
let _: any

beforeAll(async () => { ({ engine, db, _ } = await setupCloud()) })
beforeEach(async () => {
  await engine.clearAll()
  await engine.insertMany('accounts', [{ _id: 'A', balance: 1000 }, { _id: 'B', balance: 1000 }])
})
afterAll(async () => { await engine.close() })

const balance = async (id: string) => (await engine.find('accounts', { _id: id }))[0].balance

async function transfer(from: string, to: string, amount: number) {
  return db.runTransaction(async (t: any) => {
    const a = (await t.collection('accounts').doc(from).get()).data
    const b = (await t.collection('accounts').doc(to).get()).data
    if (a.balance < amount) await t.rollback('insufficient')
    await t.collection('accounts').doc(from).update({ data: { balance: a.balance - amount } })
    await t.collection('accounts').doc(to).update({ data: { balance: b.balance + amount } })
    return a.balance - amount
  })
}

test('runTransaction commits and returns the callback result', async () => {
  expect(await transfer('A', 'B', 100)).toBe(900)
  expect(await balance('A')).toBe(900)
  expect(await balance('B')).toBe(1100)
})

test('reads inside see own writes; writes are invisible outside until commit', async () => {
  const t = await db.startTransaction()
  await t.collection('accounts').doc('A').update({ data: { balance: _.inc(-1) } })
  await t.collection('accounts').add({ data: { _id: 'C', balance: 5 } })
  expect((await t.collection('accounts').doc('A').get()).data.balance).toBe(999)
  expect((await t.collection('accounts').doc('C').get()).data.balance).toBe(5)
  expect((await t.collection('accounts').where({ balance: _.lt(1000) }).get()).data.map((d: any) => d._id).sort()).toEqual(['A', 'C'])
  // outside: unchanged
  expect((await db.collection('accounts').doc('A').get()).data.balance).toBe(1000)
  expect((await db.collection('accounts').where({ _id: 'C' }).count()).total).toBe(0)
  await t.commit()
  expect(await balance('A')).toBe(999)
  expect(await balance('C')).toBe(5)
})

test('abort (rollback) discards the writes', async () => {
  const t = await db.startTransaction()
  await t.collection('accounts').doc('A').update({ data: { balance: 0 } })
  await t.collection('accounts').doc('B').remove()
  await t.rollback()
  expect(await balance('A')).toBe(1000)
  expect(await balance('B')).toBe(1000)
  // runTransaction with rollback(reason) rejects with the reason and writes nothing
  await expect(transfer('A', 'B', 5000)).rejects.toBe('insufficient')
  expect(await balance('A')).toBe(1000)
})

test('commit answers DATABASE_TRANSACTION_CONFLICT when a document read was changed by someone else', async () => {
  const t = await db.startTransaction()
  const a = (await t.collection('accounts').doc('A').get()).data
  await db.collection('accounts').doc('A').update({ data: { balance: _.inc(1) } }) // outside the transaction
  await t.collection('accounts').doc('A').update({ data: { balance: a.balance - 10 } })
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await balance('A')).toBe(1001)
})

test('a conflict makes runTransaction retry and the final result is right', async () => {
  let attempts = 0
  await db.runTransaction(async (t: any) => {
    attempts++
    const a = (await t.collection('accounts').doc('A').get()).data
    if (attempts === 1) await db.collection('accounts').doc('A').update({ data: { balance: _.inc(50) } })
    await t.collection('accounts').doc('A').update({ data: { balance: a.balance - 100 } })
  })
  expect(attempts).toBe(2)
  expect(await balance('A')).toBe(950)
})

test('50 concurrent transfers between two documents keep the sum and apply every success exactly once', async () => {
  const before = engine.conflicts
  const results = await Promise.allSettled(Array.from({ length: 50 }, (_x, i) => (i % 2 ? transfer('A', 'B', 10) : transfer('B', 'A', 3))))
  const okAB = results.filter((r, i) => r.status === 'fulfilled' && i % 2).length
  const okBA = results.filter((r, i) => r.status === 'fulfilled' && !(i % 2)).length
  const a = await balance('A')
  const b = await balance('B')
  expect(a + b).toBe(2000)
  expect(a).toBe(1000 - okAB * 10 + okBA * 3)
  // opposite-order transfers deadlock on locks; the victim's commit conflicts and runTransaction retries
  expect(engine.conflicts).toBeGreaterThan(before)
  // wound-wait (youngest victim, oldest waiter first) lets nearly every transfer through within the SDK's 3 retries
  expect(okAB + okBA).toBe(50)
})

test('transactional add with a duplicate unique key fails and writes nothing', async () => {
  await engine.insertMany('users', [{ openid: 'dup' }])
  const t = await db.startTransaction()
  await t.collection('accounts').doc('A').update({ data: { balance: 1 } })
  await expect(t.collection('users').add({ data: { openid: 'dup' } })).rejects.toMatchObject({ errCode: -502001 })
  await t.rollback()
  expect(await balance('A')).toBe(1000)
})
