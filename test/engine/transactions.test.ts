/**
 * Transactions through the real SDK, as WeChat Cloud runs them: snapshot isolation (reads take no lock and
 * see the state of the transaction's first read), a transaction lock on every written document (another
 * transaction's write fails at once with DATABASE_TRANSACTION_CONFLICT and the service rolls that transaction
 * back; an ordinary write waits for the lock), and only single-document operations by id plus add() inside.
 * Sources are cited in local/engine/index.ts (the WeChat transaction guide and TencentCloudBase/node-sdk's
 * transaction tests, run against the service).
 */
import { Engine, TX_CONFLICT_MESSAGE } from '../../local/engine'
import { setupCloud } from './helpers'

let engine: Engine
let db: any
let _: any

beforeAll(async () => {
  ;({ engine, db, _ } = await setupCloud())
})
beforeEach(async () => {
  await engine.clearAll()
  await engine.insertMany('accounts', [
    { _id: 'A', balance: 1000 },
    { _id: 'B', balance: 1000 },
  ])
})
afterAll(async () => {
  await engine.close()
})

const balance = async (id: string) => (await engine.find('accounts', { _id: id }))[0].balance
const tick = () => new Promise((r) => setTimeout(r, 20))
const conflicted = { errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') }
const isConflict = (e: any) => /TransactionConflict/.test(String(e?.errMsg ?? e?.message ?? ''))

async function transfer(from: string, to: string, amount: number) {
  return db.runTransaction(async (t: any) => {
    const a = (await t.collection('accounts').doc(from).get()).data
    const b = (await t.collection('accounts').doc(to).get()).data
    if (a.balance < amount) await t.rollback('insufficient')
    await t
      .collection('accounts')
      .doc(from)
      .update({ data: { balance: a.balance - amount } })
    await t
      .collection('accounts')
      .doc(to)
      .update({ data: { balance: b.balance + amount } })
    return a.balance - amount
  })
}

/** What an application must do: run a conflicted transaction again (after a short random pause). */
async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (e) {
      if (!isConflict(e) || attempt > 200) throw e
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 << Math.min(attempt, 5))))
    }
  }
}

describe('basics', () => {
  test('runTransaction commits and returns the callback result', async () => {
    expect(await transfer('A', 'B', 100)).toBe(900)
    expect(await balance('A')).toBe(900)
    expect(await balance('B')).toBe(1100)
  })

  test('reads inside see own writes; writes are invisible outside until commit', async () => {
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: _.inc(-1) } })
    await t.collection('accounts').add({ data: { _id: 'C', balance: 5 } })
    await t.collection('accounts').doc('B').remove()
    expect((await t.collection('accounts').doc('A').get()).data.balance).toBe(999)
    expect((await t.collection('accounts').doc('C').get()).data.balance).toBe(5)
    await expect(t.collection('accounts').doc('B').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
    // outside: unchanged
    expect((await db.collection('accounts').doc('A').get()).data.balance).toBe(1000)
    expect((await db.collection('accounts').where({ _id: 'C' }).count()).total).toBe(0)
    expect((await db.collection('accounts').doc('B').get()).data.balance).toBe(1000)
    await t.commit()
    expect(await balance('A')).toBe(999)
    expect(await balance('C')).toBe(5)
    expect(await engine.count('accounts', { _id: 'B' })).toBe(0)
  })

  test('abort (rollback) discards the writes', async () => {
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: 0 } })
    await t.collection('accounts').doc('B').remove()
    await t.rollback()
    expect(await balance('A')).toBe(1000)
    expect(await balance('B')).toBe(1000)
    // runTransaction with rollback(reason) rejects with the reason and writes nothing
    await expect(transfer('A', 'B', 5000)).rejects.toBe('insufficient')
    expect(await balance('A')).toBe(1000)
  })

  test('a finished transaction is gone: DATABASE_TRANSACTION_FAIL TransactionNotExist', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('A').get()
    await t.commit()
    await expect(
      t
        .collection('accounts')
        .doc('A')
        .update({ data: { balance: 1 } }),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('[ResourceUnavailable.TransactionNotExist]') })
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(await balance('A')).toBe(1000)
  })

  test('transactional add with a duplicate unique key fails and writes nothing', async () => {
    await engine.insertMany('users', [{ openid: 'dup' }])
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: 1 } })
    await expect(t.collection('users').add({ data: { openid: 'dup' } })).rejects.toMatchObject({ errCode: -502001 })
    await t.rollback()
    expect(await balance('A')).toBe(1000)
  })
})

describe('snapshot isolation', () => {
  test('reads see the snapshot of the first read and take no lock (读偏)', async () => {
    const t = await db.startTransaction()
    expect((await t.collection('accounts').doc('A').get()).data.balance).toBe(1000)
    // outside writes to documents the transaction has only read go through at once
    await db
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: 1 } })
    await db
      .collection('accounts')
      .doc('B')
      .update({ data: { balance: 2 } })
    await db.collection('accounts').add({ data: { _id: 'N', balance: 3 } })
    expect((await t.collection('accounts').doc('A').get()).data.balance).toBe(1000)
    expect((await t.collection('accounts').doc('B').get()).data.balance).toBe(1000)
    await expect(t.collection('accounts').doc('N').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
    await t.commit()
    expect(await balance('A')).toBe(1)
  })

  test('writing a document changed after the snapshot fails at once with the conflict, and the service rolls back', async () => {
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('B')
      .update({ data: { balance: _.inc(5) } })
    const a = (await t.collection('accounts').doc('A').get()).data
    await db
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: _.inc(1) } }) // outside the transaction
    const err = await t
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: a.balance - 10 } })
      .catch((e: any) => e)
    // wx-server-sdk maps the code to SYS_ERR and keeps the service's message
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain(TX_CONFLICT_MESSAGE)
    // the transaction is over: its earlier write is gone too
    await expect(t.collection('accounts').doc('B').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('TransactionNotExist') })
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(await balance('A')).toBe(1001)
    expect(await balance('B')).toBe(1000)
  })

  test('at the seam the conflict is DATABASE_TRANSACTION_CONFLICT, the code runTransaction retries on', async () => {
    const t1 = (await engine.handle('database.startTransaction', {})).transactionId
    const t2 = (await engine.handle('database.startTransaction', {})).transactionId
    const upd = (transactionId: string, n: number) =>
      engine.handle('database.modifyDocument', {
        collectionName: 'accounts',
        transactionId,
        queryType: 'DOC',
        query: JSON.stringify({ _id: 'A' }),
        data: JSON.stringify({ balance: n }),
        merge: true,
        multi: false,
        upsert: false,
      })
    await upd(t1, 1)
    await expect(upd(t2, 2)).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: TX_CONFLICT_MESSAGE })
    await engine.handle('database.commitTransaction', { transactionId: t1 })
    expect(await balance('A')).toBe(1)
  })

  test('a write to a document another open transaction has written fails at once (冲突检测); the other commits', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    const a = (await t1.collection('accounts').doc('A').get()).data
    await t2
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: 500 } })
    const started = Date.now()
    await expect(
      t1
        .collection('accounts')
        .doc('A')
        .update({ data: { balance: a.balance + 1 } }),
    ).rejects.toMatchObject(conflicted)
    expect(Date.now() - started).toBeLessThan(1000) // no waiting for the lock
    await t2.commit()
    expect(await balance('A')).toBe(500)
  })

  test('inserting an id another open transaction inserted conflicts; an id in the snapshot is a duplicate key', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1.collection('accounts').add({ data: { _id: 'X', balance: 1 } })
    await expect(t2.collection('accounts').add({ data: { _id: 'X', balance: 2 } })).rejects.toMatchObject(conflicted)
    await t1.commit()
    // committed after t3's snapshot: conflict (a retry then sees it); in the snapshot: duplicate key, not retried
    const t3 = await db.startTransaction()
    await t3.collection('accounts').doc('A').get()
    await db.collection('accounts').add({ data: { _id: 'Y', balance: 3 } })
    await expect(t3.collection('accounts').add({ data: { _id: 'Y' } })).rejects.toMatchObject(conflicted)
    const t4 = await db.startTransaction()
    const dup = await t4
      .collection('accounts')
      .add({ data: { _id: 'X' } })
      .catch((e: any) => e)
    expect(dup.errCode).toBe(-502001)
    expect(dup.errMsg).toMatch(/duplicate key/)
    await t4.rollback()
    expect((await engine.find('accounts', { _id: 'X' }))[0].balance).toBe(1)
  })

  test('write skew is possible: reads are not validated at commit', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    const a = (await t1.collection('accounts').doc('A').get()).data
    const b = (await t2.collection('accounts').doc('B').get()).data
    await t1
      .collection('accounts')
      .doc('B')
      .update({ data: { balance: a.balance + 1 } })
    await t2
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: b.balance + 2 } })
    await t1.commit()
    await t2.commit()
    expect([await balance('A'), await balance('B')]).toEqual([1002, 1001])
  })

  test('an ordinary write to a locked document waits for the transaction, then applies on top of its outcome', async () => {
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: _.inc(-10) } })
    let done = false
    const outside = db
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: _.inc(1) } })
      .then(() => {
        done = true
      })
    // a conditional update is evaluated again once the lock is released
    const conditional = db
      .collection('accounts')
      .where({ _id: 'A', balance: _.gte(1000) })
      .update({ data: { flag: true } })
    // a write to another document is not held up
    await db
      .collection('accounts')
      .doc('B')
      .update({ data: { balance: _.inc(1) } })
    await tick()
    expect(done).toBe(false)
    expect(await balance('A')).toBe(1000)
    await t.commit()
    await outside
    expect((await conditional).stats.updated).toBe(0)
    expect(await balance('A')).toBe(991)
    expect(await balance('B')).toBe(1001)
  })

  test('after a rollback the waiting write applies to the original', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('A').remove()
    const outside = db
      .collection('accounts')
      .doc('A')
      .update({ data: { balance: _.inc(1) } })
    await tick()
    await t.rollback()
    expect((await outside).stats.updated).toBe(1)
    expect(await balance('A')).toBe(1001)
  })
})

describe('conflicts and retries through wx-server-sdk', () => {
  test('a conflict inside the callback reaches the caller as errCode -501001 and runTransaction does not retry it', async () => {
    // wx-server-sdk wraps every operation's error (maybeTransformError + toSDKError) and drops the `code`
    // that @cloudbase/database's runTransaction checks, so only a conflict at commit would be retried there.
    let attempts = 0
    const err = await db
      .runTransaction(async (t: any) => {
        attempts++
        const a = (await t.collection('accounts').doc('A').get()).data
        if (attempts === 1)
          await db
            .collection('accounts')
            .doc('A')
            .update({ data: { balance: _.inc(50) } })
        await t
          .collection('accounts')
          .doc('A')
          .update({ data: { balance: a.balance - 100 } })
      }, 5)
      .catch((e: any) => e)
    expect(attempts).toBe(1)
    expect(err.code).toBeUndefined()
    expect(err.errCode).toBe(-501001)
    expect(isConflict(err)).toBe(true)
    expect(await balance('A')).toBe(1050)
    // the application's retry then gets it right
    let tries = 0
    await retrying(() =>
      db.runTransaction(async (t: any) => {
        tries++
        const a = (await t.collection('accounts').doc('A').get()).data
        if (tries === 1)
          await db
            .collection('accounts')
            .doc('A')
            .update({ data: { balance: _.inc(50) } })
        await t
          .collection('accounts')
          .doc('A')
          .update({ data: { balance: a.balance - 100 } })
      }),
    )
    expect(tries).toBe(2)
    expect(await balance('A')).toBe(1000)
  })

  test('50 concurrent transfers between two documents keep the sum and apply every success exactly once', async () => {
    const before = engine.conflicts
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_x, i) => retrying(() => (i % 2 ? transfer('A', 'B', 10) : transfer('B', 'A', 3)))))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect((await balance('A')) + (await balance('B'))).toBe(2000)
    expect(await balance('A')).toBe(1000 - 25 * 10 + 25 * 3)
    // they did collide (and nobody waited for a lock)
    expect(engine.conflicts).toBeGreaterThan(before)
  })
})

describe('only single-document operations by id and add() inside a transaction', () => {
  const refused = { errCode: -502001, errMsg: expect.stringContaining('not supported in a transaction') }

  test('queries, counts and aggregations are refused', async () => {
    await db.runTransaction(async (t: any) => {
      await expect(
        t
          .collection('accounts')
          .where({ balance: _.gte(0) })
          .get(),
      ).rejects.toMatchObject(refused)
      await expect(t.collection('accounts').get()).rejects.toMatchObject(refused)
      await expect(t.collection('accounts').count()).rejects.toMatchObject(refused)
      await expect(t.collection('accounts').where({ _id: 'A' }).count()).rejects.toMatchObject(refused)
      // wx-server-sdk reports every aggregate failure with errCode -1 (it skips maybeTransformError there)
      await expect(
        t
          .collection('accounts')
          .aggregate()
          .match({ balance: _.gte(0) })
          .end(),
      ).rejects.toMatchObject({ ...refused, errCode: -1 })
    })
  })

  test('multi-document updates and removes are refused, even by _id, and change nothing', async () => {
    const t = await db.startTransaction()
    await expect(
      t
        .collection('accounts')
        .where({ _id: 'A' })
        .update({ data: { balance: 0 } }),
    ).rejects.toMatchObject(refused)
    await expect(
      t
        .collection('accounts')
        .where({ balance: 1000 })
        .update({ data: { balance: 0 } }),
    ).rejects.toMatchObject(refused)
    await expect(t.collection('accounts').where({ _id: 'B' }).remove()).rejects.toMatchObject(refused)
    await t.rollback()
    expect(await balance('A')).toBe(1000)
    expect(await balance('B')).toBe(1000)
  })

  test('doc(id).get/set/update/remove and add are allowed', async () => {
    await db.runTransaction(async (t: any) => {
      expect((await t.collection('accounts').doc('A').get()).data.balance).toBe(1000)
      await t
        .collection('accounts')
        .doc('A')
        .update({ data: { balance: _.inc(1) } })
      await t
        .collection('accounts')
        .doc('S')
        .set({ data: { balance: 7 } })
      await t.collection('accounts').doc('B').remove()
      await t.collection('accounts').add({
        data: [
          { _id: 'M1', balance: 1 },
          { _id: 'M2', balance: 2 },
        ],
      })
    })
    expect((await engine.find('accounts', {}, { sort: { _id: 1 } })).map((d) => [d._id, d.balance])).toEqual([
      ['A', 1001],
      ['M1', 1],
      ['M2', 2],
      ['S', 7],
    ])
  })
})
