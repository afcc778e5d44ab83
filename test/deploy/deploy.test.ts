/**
 * `npm run deploy`: the dry-run plan lists every manifest collection (with its indexes and the ADMINONLY
 * permission), the function and its timer; a real run without credentials stops before anything; against a
 * stand-in Tencent Cloud (the real @cloudbase/manager-node over a faked request layer) the first run creates
 * everything, a second run changes nothing, and drift is repaired by exactly the differing changes.
 */
import { spawnSync } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { runDeploy } from '../../scripts/deploy/cli'
import { FUNCTION_DIR, loadDeployManifest } from '../../scripts/deploy/manifest'
import { COLLECTION_ACL, indexText } from '../../scripts/deploy/plan'
import { FakeTencentCloud } from './fake-tencent-cloud'

const ROOT = path.resolve(__dirname, '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const CREDENTIAL_VARS = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN']

function envWithout(names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const n of names) delete env[n]
  delete env.npm_config_dry_run
  return env
}

function cli(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(TSX, [path.join(ROOT, 'scripts', 'deploy', 'cli.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('dry run (no credentials, no network)', () => {
  const manifest = loadDeployManifest()
  const config = JSON.parse(fs.readFileSync(path.join(FUNCTION_DIR, 'config.json'), 'utf8'))
  let run: { code: number | null; out: string }
  beforeAll(() => {
    run = cli(['--dry-run'], envWithout(CREDENTIAL_VARS))
  })

  test('exits 0 and says it changed nothing and read nothing', () => {
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/dry run: nothing is changed/)
    expect(run.out).toMatch(/credentials not set: plan only, the cloud was not read/)
  })

  test('lists every manifest collection with its ADMINONLY permission and every index', () => {
    expect(manifest.collections.length).toBeGreaterThan(10)
    for (const c of manifest.collections) {
      expect(run.out).toContain(`  collection ${c.name}  acl=${COLLECTION_ACL}  indexes=${c.indexes.length}`)
      for (const i of c.indexes) expect(run.out).toContain(`    index ${c.name}.${i.name}  ${indexText(i)}\n`)
    }
    const listed = run.out.split('\n').filter((l) => /^ {2}collection /.test(l))
    expect(listed).toHaveLength(manifest.collections.length)
    for (const l of listed) expect(l).toContain(`acl=${COLLECTION_ACL}`)
    const indexLines = run.out.split('\n').filter((l) => /^ {4}index /.test(l))
    expect(indexLines).toHaveLength(manifest.collections.reduce((s, c) => s + c.indexes.length, 0))
  })

  test('leaves local-only collections out', () => {
    for (const name of manifest.skipped) expect(run.out).not.toContain(`  collection ${name} `)
  })

  test('lists the function with its timeout, runtime and openapi permissions, and the timer trigger', () => {
    expect(run.out).toMatch(/ {2}function api {2}runtime=Nodejs16\.13 handler=index\.main timeout=\d+s installDependency=true/)
    for (const p of config.permissions.openapi) expect(run.out).toContain(p)
    expect(config.triggers.length).toBeGreaterThan(0)
    for (const t of config.triggers) expect(run.out).toContain(`  trigger api.${t.name}  type=${t.type} config="${t.config}"`)
  })
})

describe('a real run without credentials', () => {
  test('fails with a Chinese and English message naming every missing variable, before building or calling anything', () => {
    const r = cli([], envWithout(CREDENTIAL_VARS))
    expect(r.code).toBe(2)
    expect(r.out).toContain('部署未开始：缺少环境变量 TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY')
    expect(r.out).toContain('Deploy not started: missing environment variables TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY')
    expect(r.out).not.toMatch(/构建云函数|building/)
  })

  test('names only what is missing, and neither builds nor calls the cloud', async () => {
    const fake = new FakeTencentCloud('env-x').install()
    try {
      const lines: string[] = []
      const build = jest.fn(async () => undefined)
      const code = await runDeploy({ argv: [], env: { TCB_ENV_ID: 'env-x', TENCENTCLOUD_SECRETID: 'AKIDx' }, log: (l) => lines.push(l), build })
      expect(code).toBe(2)
      expect(lines.join('\n')).toContain('missing environment variable TENCENTCLOUD_SECRETKEY.')
      expect(build).not.toHaveBeenCalled()
      expect(fake.calls).toEqual([])
    } finally {
      fake.restore()
    }
  })

  test('`npm run deploy --dry-run` (npm_config_dry_run) is a dry run too', async () => {
    const lines: string[] = []
    const code = await runDeploy({ argv: [], env: { npm_config_dry_run: 'true' }, log: (l) => lines.push(l) })
    expect(code).toBe(0)
    expect(lines.join('\n')).toMatch(/dry run: nothing is changed/)
  })
})

describe('against a stand-in Tencent Cloud, through @cloudbase/manager-node', () => {
  const ENV = { TCB_ENV_ID: 'env-test-1a2b', TENCENTCLOUD_SECRETID: 'AKIDtest', TENCENTCLOUD_SECRETKEY: 'test-key' }
  let dir: string
  let fake: FakeTencentCloud
  const manifest = loadDeployManifest()

  beforeAll(() => {
    // A copy of the function folder with a small stand-in bundle: no build, and no race with the bundle test.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'))
    for (const f of ['config.json', 'package.json', 'database.json']) {
      if (fs.existsSync(path.join(FUNCTION_DIR, f))) fs.copyFileSync(path.join(FUNCTION_DIR, f), path.join(dir, f))
    }
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => ({ ok: true })\n')
    fake = new FakeTencentCloud(ENV.TCB_ENV_ID).install()
    jest.spyOn(console, 'log').mockImplementation(() => undefined) // the manager's "[api] 部署方式: ZIP base64 上传"
  })
  afterAll(() => {
    fake.restore()
    jest.restoreAllMocks()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function deploy(argv: string[] = []) {
    const lines: string[] = []
    const before = fake.calls.length
    const build = jest.fn(async () => undefined)
    const code = await runDeploy({ argv, env: ENV, log: (l) => lines.push(l), build, functionDir: dir })
    const calls = fake.calls.slice(before)
    return {
      code,
      out: lines.join('\n'),
      calls,
      writes: calls.filter(
        (c) => !['DescribeEnvInfo', 'ListTables', 'DescribeTable', 'DescribeDatabaseACL', 'ListFunctions', 'GetFunction'].includes(c.action),
      ),
      build,
    }
  }

  test('a dry run with credentials reads the environment and writes nothing', async () => {
    const r = await deploy(['--dry-run'])
    expect(r.code).toBe(0)
    expect(r.writes).toEqual([])
    expect(r.build).not.toHaveBeenCalled()
    expect(r.out).toContain('+ 创建集合 create collection users')
    expect(r.out).toContain('+ 创建函数 create function api')
    expect(r.out).toMatch(/dry run：未做任何改动/)
  })

  test('the first run creates every collection, index, permission, the function and its trigger', async () => {
    const r = await deploy()
    expect(r.code).toBe(0)
    expect(r.build).toHaveBeenCalledTimes(1)
    for (const c of manifest.collections) {
      const t = fake.tables.get(c.name)
      expect(t).toBeDefined()
      expect(t!.acl).toBe('ADMINONLY')
      expect(t!.indexes.map((i) => [i.Name, i.Keys.map((k) => `${k.Name}:${k.Direction}`).join(','), i.Unique])).toEqual(
        c.indexes.map((i) => [i.name, i.keys.map(([f, d]) => `${f}:${d}`).join(','), i.unique]),
      )
    }
    for (const name of manifest.skipped) expect(fake.tables.has(name)).toBe(false)
    const fn = fake.functions.get('api')!
    expect(fn).toMatchObject({ Runtime: 'Nodejs16.13', Handler: 'index.main', Timeout: 20, InstallDependency: 'TRUE' })
    expect(fn.zipBytes).toBeGreaterThan(0)
    expect(fn.Triggers).toEqual([{ TriggerName: 'tick', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 */10 * * * * *' }) }])
    // collections exist before the function (and its timer) that uses them
    const firstFn = r.writes.findIndex((c) => c.action === 'CreateFunction')
    const lastTable = r.writes.map((c) => c.service + c.action).lastIndexOf('tcbModifyDatabaseACL')
    expect(lastTable).toBeLessThan(firstFn)
  }, 60000)

  test('a second run changes nothing', async () => {
    const r = await deploy()
    expect(r.code).toBe(0)
    expect(r.writes).toEqual([])
    expect(r.out).toContain('已是最新，无需改动 / up to date: nothing to change')
  })

  test('drift is repaired by exactly the differing changes, then nothing again', async () => {
    const coll = manifest.collections.find((c) => c.indexes.length >= 2)!
    const changed = coll.indexes[0]
    const t = fake.tables.get(coll.name)!
    t.indexes[0] = { ...t.indexes[0], Unique: !changed.unique }
    t.indexes.push({ Name: 'by_hand', Keys: [{ Name: 'x', Direction: '1' }], Unique: false })
    const other = manifest.collections.find((c) => c.name !== coll.name)!
    fake.tables.get(other.name)!.acl = 'READONLY'
    const fn = fake.functions.get('api')!
    fn.Timeout = 3
    fn.Triggers[0].TriggerDesc = JSON.stringify({ cron: '0 30 * * * * *' })

    const r = await deploy()
    expect(r.code).toBe(0)
    expect(r.writes.map((c) => c.action).sort()).toEqual([
      'BatchCreateTrigger',
      'DeleteTrigger',
      'ModifyDatabaseACL',
      'UpdateFunctionConfiguration',
      'UpdateTable',
      'UpdateTable',
    ])
    const tableWrites = r.writes.filter((c) => c.action === 'UpdateTable')
    // the changed index is dropped, then made again with the manifest's definition
    expect(tableWrites[0].data).toMatchObject({ TableName: coll.name, DropIndexes: [{ IndexName: changed.name }] })
    expect(tableWrites[1].data).toMatchObject({
      TableName: coll.name,
      CreateIndexes: [{ IndexName: changed.name, MgoKeySchema: { MgoIsUnique: changed.unique } }],
    })
    expect(r.writes.find((c) => c.action === 'ModifyDatabaseACL')!.data).toMatchObject({ CollectionName: other.name, AclTag: 'ADMINONLY' })
    expect(r.writes.find((c) => c.action === 'UpdateFunctionConfiguration')!.data).toMatchObject({ FunctionName: 'api', Timeout: 20 })
    // the old timer goes before the new one is made (one timer per function)
    expect(r.writes.map((c) => c.action).slice(-2)).toEqual(['DeleteTrigger', 'BatchCreateTrigger'])
    expect(r.out).toContain(`集合 ${coll.name} 有清单之外的索引 by_hand`)
    expect(fake.tables.get(coll.name)!.indexes.some((i) => i.Name === 'by_hand')).toBe(true) // reported, left in place

    expect((await deploy()).writes).toEqual([])
  }, 60000)

  test('a new bundle uploads the code and records its hash, and only that', async () => {
    fs.appendFileSync(path.join(dir, 'index.js'), '// changed\n')
    const r = await deploy()
    expect(r.writes.map((c) => c.action)).toEqual(['UpdateFunctionCode', 'UpdateFunctionConfiguration'])
    expect(r.writes[1].data.Description).toMatch(/^党建引领社区治理 api · code [0-9a-f]{16}$/)
    expect((await deploy()).writes).toEqual([])
  }, 60000)
})

describe('the manifest loader', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-manifest-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('reads database.json (purpose, indexes, localOnly left out)', () => {
    fs.writeFileSync(
      path.join(dir, 'database.json'),
      JSON.stringify({
        collections: {
          streets: { purpose: '街道', indexes: [] },
          users: { purpose: '人', indexes: [{ name: 'openid_unique', keys: [['openid', 1]], unique: true }] },
          outbox: { purpose: 'local', localOnly: true, indexes: [] },
        },
      }),
    )
    expect(loadDeployManifest(dir)).toEqual({
      file: 'database.json',
      collections: [
        { name: 'streets', purpose: '街道', indexes: [] },
        { name: 'users', purpose: '人', indexes: [{ name: 'openid_unique', keys: [['openid', 1]], unique: true }] },
      ],
      skipped: ['outbox'],
    })
  })

  test('refuses a malformed key, a repeated index name, and a missing manifest', () => {
    fs.writeFileSync(path.join(dir, 'database.json'), JSON.stringify({ collections: { a: { indexes: [{ name: 'i', keys: [['x', 2]] }] } } }))
    expect(() => loadDeployManifest(dir)).toThrow(/each key must be \[field, 1 \| -1\]/)
    fs.writeFileSync(
      path.join(dir, 'database.json'),
      JSON.stringify({
        collections: {
          a: {
            indexes: [
              { name: 'i', keys: [['x', 1]] },
              { name: 'i', keys: [['y', 1]] },
            ],
          },
        },
      }),
    )
    expect(() => loadDeployManifest(dir)).toThrow(/appears twice/)
    fs.rmSync(path.join(dir, 'database.json'))
    expect(() => loadDeployManifest(dir)).toThrow(/no database manifest/)
  })
})
