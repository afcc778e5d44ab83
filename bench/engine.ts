/**
 * Engine benchmark at 100,000 documents, through the real wx-server-sdk:
 * - indexed equality lookups per second (memory-only engine)
 * - single-doc writes `doc(id).update({ n: _.inc(1) })` per second with the journal on (fsync, group commit)
 * Run directly: npx tsx bench/engine.ts
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { Engine, loadDatabaseManifest } from '../local/engine'
import { installLocalCloud } from '../local/cloud'

const N = 100_000

function docs() {
  const out = []
  for (let i = 0; i < N; i++) out.push({ _id: `u${i}`, openid: `o${i}`, n: 0, communityId: `c${i % 300}`, at: new Date(1700000000000 + i) })
  return out
}

export async function benchEngine(): Promise<Record<string, string | number>> {
  const manifest = loadDatabaseManifest()

  const cloud = require('wx-server-sdk')
  const result: Record<string, string | number> = { documents: N }

  // reads: memory-only engine
  const mem = await Engine.open({ dataDir: null, manifest })
  let t = Date.now()
  await mem.insertMany('users', docs())
  result.loadMsMemory = Date.now() - t
  installLocalCloud(mem)
  cloud.init({ env: 'local' })
  let db = cloud.database()
  const LOOKUPS = 20000
  t = Date.now()
  for (let i = 0; i < LOOKUPS; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_x, j) =>
        db
          .collection('users')
          .where({ openid: `o${((i + j) * 7) % N}` })
          .get(),
      ),
    )
  }
  result.indexedLookupsPerSec = Math.round(LOOKUPS / ((Date.now() - t) / 1000))
  t = Date.now()
  for (let i = 0; i < 50; i++) await db.collection('users').where({ n: 1 }).count()
  result.unindexedScanMs = Math.round((Date.now() - t) / 50)
  await mem.close()

  // writes: journaled engine (fsync per group commit)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'))
  const disk = await Engine.open({ dataDir: dir, manifest })
  t = Date.now()
  await disk.insertMany('users', docs())
  result.loadMsJournaled = Date.now() - t
  installLocalCloud(disk)
  db = cloud.database()
  const _ = db.command
  const WRITES = 5000
  const CONC = 100
  t = Date.now()
  for (let i = 0; i < WRITES; i += CONC) {
    await Promise.all(
      Array.from({ length: CONC }, (_x, j) =>
        db
          .collection('users')
          .doc(`u${((i + j) * 13) % N}`)
          .update({ data: { n: _.inc(1) } }),
      ),
    )
  }
  result.journaledWritesPerSec = Math.round(WRITES / ((Date.now() - t) / 1000))
  result.writeConcurrency = CONC
  t = Date.now()
  for (let i = 0; i < 200; i++)
    await db
      .collection('users')
      .doc(`u${i}`)
      .update({ data: { n: _.inc(1) } })
  result.journaledSerialWritesPerSec = Math.round(200 / ((Date.now() - t) / 1000))
  await disk.close()
  t = Date.now()
  const reopened = await Engine.open({ dataDir: dir, manifest })
  result.reopenMs = Date.now() - t
  await reopened.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return result
}

if (require.main === module) {
  benchEngine().then(
    (r) => {
      console.table(r)
      process.exit(0)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
