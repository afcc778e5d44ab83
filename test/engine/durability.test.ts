/** Durability: acknowledged writes survive kill -9, a torn journal tail is tolerated, compaction keeps data. */
import { spawn } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { Engine, loadDatabaseManifest, withCollections } from '../../local/engine'

/** The writer's collections (test/engine/fixtures/durable-writer.ts) and this suite's. */
const manifest = withCollections(loadDatabaseManifest(), 'acct', 'counter', 'log', 'things')

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'engine-dur-'))

test('every acknowledged write survives SIGKILL and the data is consistent', async () => {
  const dir = tmp()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'durable-writer.ts'), dir], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acks = { add: new Set<number>(), inc: 0, tx: 0 }
  let buf = ''
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('writer too slow: ' + stderr)), 40000)
    child.stdout.on('data', (d) => {
      buf += d
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        const m = /^ACK (\w+) (\d+)$/.exec(line)
        if (!m) continue
        if (m[1] === 'add') acks.add.add(Number(m[2]))
        else if (m[1] === 'inc') acks.inc++
        else acks.tx++
        if (acks.add.size >= 1500 && acks.tx >= 50) {
          child.kill('SIGKILL')
          clearTimeout(timer)
          resolve()
        }
      }
    })
    child.on('exit', (code) => {
      if (code !== null) {
        clearTimeout(timer)
        reject(new Error(`writer exited ${code}: ${stderr}`))
      }
    })
  })
  await exited
  // lines acknowledged after the kill signal may still be in the pipe: read them too
  for (const line of buf.split('\n')) {
    const m = /^ACK (\w+) (\d+)$/.exec(line)
    if (m && m[1] === 'add') acks.add.add(Number(m[2]))
  }

  const engine = await Engine.open({ dataDir: dir, manifest })
  try {
    const logs = await engine.find('log', {})
    const present = new Set(logs.map((d) => d.seq))
    for (const s of acks.add) expect(present.has(s)).toBe(true)
    for (const d of logs) {
      expect(d._id).toBe(`L${d.seq}`)
      expect(d.at).toBeInstanceOf(Date)
      expect(d.at.getTime()).toBe(1700000000000 + d.seq)
    }
    const [a, b] = [(await engine.find('acct', { _id: 'A' }))[0], (await engine.find('acct', { _id: 'B' }))[0]]
    expect(a.bal + b.bal).toBe(2000)
    expect(b.bal - 1000).toBeGreaterThanOrEqual(acks.tx)
    const n = (await engine.find('counter', { _id: 'c' }))[0].n
    expect(n).toBeGreaterThanOrEqual(acks.inc)
    // the engine keeps working after recovery
    await engine.insertMany('log', [{ _id: 'after', seq: -1 }])
  } finally {
    await engine.close()
  }
  const again = await Engine.open({ dataDir: dir, manifest })
  expect(await again.count('log', { _id: 'after' })).toBe(1)
  await again.close()
  fs.rmSync(dir, { recursive: true, force: true })
}, 60000)

test('a torn last journal line is ignored and truncated', async () => {
  const dir = tmp()
  const e1 = await Engine.open({ dataDir: dir, manifest })
  await e1.insertMany('things', [{ _id: 'a', at: new Date(1) }, { _id: 'b' }])
  await e1.close()
  const journal = fs.readdirSync(dir).find((f) => f.startsWith('journal-'))!
  fs.appendFileSync(path.join(dir, journal), '{"w":[["things",{"_id":"torn","x":')
  const e2 = await Engine.open({ dataDir: dir, manifest })
  expect((await e2.find('things', {}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'b'])
  expect((await e2.find('things', { _id: 'a' }))[0].at).toEqual(new Date(1))
  await e2.insertMany('things', [{ _id: 'c' }])
  await e2.close()
  const e3 = await Engine.open({ dataDir: dir, manifest })
  expect(await e3.count('things')).toBe(3)
  await e3.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('compaction writes a snapshot, truncates the journal and keeps data intact', async () => {
  const dir = tmp()
  const e1 = await Engine.open({ dataDir: dir, manifest })
  await e1.insertMany(
    'things',
    Array.from({ length: 500 }, (_x, i) => ({ _id: `t${i}`, i, at: new Date(i) })),
  )
  await e1.handle('database.removeDocument', { collectionName: 'things', query: JSON.stringify({ i: { $lt: 100 } }), queryType: 'WHERE', multi: true })
  await e1.compact()
  const files = fs.readdirSync(dir).sort()
  expect(files).toEqual(['journal-1.jsonl', 'snapshot-1.jsonl'])
  expect(fs.statSync(path.join(dir, 'journal-1.jsonl')).size).toBe(0)
  await e1.insertMany('things', [{ _id: 'late', i: 1000 }])
  await e1.close()
  const e2 = await Engine.open({ dataDir: dir, manifest })
  expect(await e2.count('things')).toBe(401)
  expect((await e2.find('things', { _id: 't250' }))[0].at).toEqual(new Date(250))
  expect(await e2.count('things', { i: { $lt: 100 } })).toBe(0)
  await e2.clearAll()
  await e2.close()
  const e3 = await Engine.open({ dataDir: dir, manifest })
  expect(await e3.count('things')).toBe(0)
  await e3.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('collections made by db.createCollection survive restarts and compaction; stored documents of collections not in the manifest are not loaded', async () => {
  const dir = tmp()
  const e1 = await Engine.open({ dataDir: dir, manifest })
  await e1.handle('database.addCollection', { collectionName: 'runtime_made' })
  await e1.handle('database.insertDocument', { collectionName: 'runtime_made', data: [JSON.stringify({ _id: 'r1' })] })
  await e1.insertMany('things', [{ _id: 'kept' }])
  await e1.close()
  const e2 = await Engine.open({ dataDir: dir, manifest })
  expect(await e2.count('runtime_made')).toBe(1)
  await e2.compact()
  await e2.close()
  const e3 = await Engine.open({ dataDir: dir, manifest })
  expect(e3.hasCollection('runtime_made')).toBe(true)
  expect(await e3.count('runtime_made')).toBe(1)
  await e3.close()
  // the manifest no longer lists "things": the collection does not exist, its stored documents are ignored
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const e4 = await Engine.open({ dataDir: dir, manifest: withCollections(loadDatabaseManifest(), 'log') })
  expect(e4.hasCollection('things')).toBe(false)
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('things (1)'))
  warn.mockRestore()
  await e4.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
