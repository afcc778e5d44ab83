/**
 * The deploy as data: the desired state (from the database manifest, cloudfunctions/api/config.json and the
 * built bundle), the state observed in the cloud, and the changes between them. Pure: no network here, so
 * the dry run, the real run and the tests all go through the same comparison.
 *
 * Idempotent by construction: every change is derived from a difference, so a second run against the state
 * the first one left finds none.
 */
import * as crypto from 'crypto'
import * as fs from 'fs'
import * as path from 'path'
import { DeployCollection, DeployIndex, DeployManifest, FUNCTION_DIR } from './manifest'

/** Every collection: only the function (admin SDK) reads and writes; the mini-program's client SDK gets nothing. */
export const COLLECTION_ACL = 'ADMINONLY'
export const FUNCTION_NAME = 'api'
/** The bundle targets node16 (scripts/build-cloud.ts); runtime is fixed when the function is created. */
export const FUNCTION_RUNTIME = 'Nodejs16.13'
export const FUNCTION_HANDLER = 'index.main'
/**
 * Seconds. WeChat's default is 3 s, which the hourly timer (every job in timers.ts, one invocation) can outgrow;
 * WeChat's console allows 1–60 s. `timeout` in config.json, when present, wins.
 */
export const DEFAULT_TIMEOUT_S = 20
/** What is uploaded: the bundle and what WeChat reads beside it (wx-server-sdk is installed in the cloud). */
export const UPLOADED_FILES = ['index.js', 'package.json', 'config.json'] as const

export interface Trigger {
  name: string
  type: string
  config: string
}

export interface DesiredFunction {
  name: string
  dir: string
  runtime: string
  handler: string
  timeout: number
  installDependency: true
  openapi: string[]
  files: { name: string; bytes: number }[]
  /** sha256 over the uploaded files; null when index.js has not been built */
  codeHash: string | null
  /** carries the code hash, so a re-run can tell whether the cloud already has this code */
  description: string
}

export interface DesiredState {
  manifest: DeployManifest
  collections: DeployCollection[]
  acl: string
  fn: DesiredFunction
  triggers: Trigger[]
}

export interface RemoteCollection {
  /** indexes other than the default `_id_` */
  indexes: DeployIndex[]
  acl: string | null
}
export interface RemoteFunction {
  runtime: string
  handler: string
  timeout: number
  description: string
  triggers: Trigger[]
}
export interface RemoteState {
  collections: Map<string, RemoteCollection>
  fn: RemoteFunction | null
}

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndexes'; collection: string; indexes: DeployIndex[] }
  | { kind: 'dropIndexes'; collection: string; names: string[] }
  | { kind: 'setAcl'; collection: string; from: string | null; to: string }
  | { kind: 'createFunction'; fn: DesiredFunction }
  | { kind: 'updateFunctionCode'; fn: DesiredFunction }
  | { kind: 'updateFunctionConfig'; fn: DesiredFunction; what: string[] }
  | { kind: 'deleteTrigger'; fn: string; trigger: string }
  | { kind: 'createTrigger'; fn: string; trigger: Trigger }

export function codeDescription(hash: string | null): string {
  return `党建引领社区治理 api · code ${hash ? hash.slice(0, 16) : '(not built)'}`
}

export function desiredState(manifest: DeployManifest, dir: string = FUNCTION_DIR): DesiredState {
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
  const openapi: string[] = Array.isArray(config?.permissions?.openapi) ? [...config.permissions.openapi] : []
  const triggers: Trigger[] = (Array.isArray(config?.triggers) ? config.triggers : []).map((t: any) => ({
    name: String(t.name),
    type: String(t.type),
    config: String(t.config),
  }))
  for (const t of triggers) {
    if (t.type !== 'timer') throw new Error(`config.json: trigger "${t.name}" has type "${t.type}"; only timer triggers are deployed`)
    if (t.config.trim().split(/\s+/).length !== 7) throw new Error(`config.json: trigger "${t.name}" cron "${t.config}" must have 7 fields`)
  }
  if (triggers.filter((t) => t.type === 'timer').length > 1) throw new Error('config.json: WeChat Cloud allows one timer trigger per function')
  const timeout = typeof config.timeout === 'number' ? config.timeout : DEFAULT_TIMEOUT_S
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60) throw new Error(`config.json: timeout ${timeout} must be a whole number of seconds, 1–60`)

  const files: { name: string; bytes: number }[] = []
  const hash = crypto.createHash('sha256')
  let built = true
  for (const name of UPLOADED_FILES) {
    const file = path.join(dir, name)
    if (!fs.existsSync(file)) {
      built = false
      continue
    }
    const body = fs.readFileSync(file)
    files.push({ name, bytes: body.length })
    hash.update(name).update('\0').update(body).update('\0')
  }
  const codeHash = built ? hash.digest('hex') : null
  return {
    manifest,
    collections: manifest.collections,
    acl: COLLECTION_ACL,
    fn: {
      name: FUNCTION_NAME,
      dir,
      runtime: FUNCTION_RUNTIME,
      handler: FUNCTION_HANDLER,
      timeout,
      installDependency: true,
      openapi,
      files,
      codeHash,
      description: codeDescription(codeHash),
    },
    triggers,
  }
}

const keysText = (keys: [string, number][]) => keys.map(([f, d]) => `${f}:${d}`).join(',')
export const indexText = (i: DeployIndex) => `keys=${keysText(i.keys)}${i.unique ? ' unique' : ''}`
const sameIndex = (a: DeployIndex, b: DeployIndex) => a.unique === b.unique && keysText(a.keys) === keysText(b.keys)
/** Cron strings compare by their fields, not their spacing. */
const sameCron = (a: string, b: string) => a.trim().split(/\s+/).join(' ') === b.trim().split(/\s+/).join(' ')

export interface Reconciled {
  changes: Change[]
  /** differences the deploy reports but does not act on */
  warnings: string[]
}

/** The changes that take the remote state to the desired one, in the order they must run. */
export function reconcile(want: DesiredState, have: RemoteState): Reconciled {
  const changes: Change[] = []
  const warnings: string[] = []
  // Collections first: the function (and its timer) must find every collection it touches.
  for (const c of want.collections) {
    const remote = have.collections.get(c.name)
    if (!remote) {
      changes.push({ kind: 'createCollection', collection: c.name })
      if (c.indexes.length) changes.push({ kind: 'createIndexes', collection: c.name, indexes: c.indexes })
      changes.push({ kind: 'setAcl', collection: c.name, from: null, to: want.acl })
      continue
    }
    const byName = new Map(remote.indexes.map((i) => [i.name, i]))
    const drop: string[] = []
    const create: DeployIndex[] = []
    for (const i of c.indexes) {
      const r = byName.get(i.name)
      if (!r) create.push(i)
      else if (!sameIndex(i, r)) {
        drop.push(i.name)
        create.push(i)
      }
    }
    const wanted = new Set(c.indexes.map((i) => i.name))
    for (const r of remote.indexes) {
      if (!wanted.has(r.name))
        warnings.push(`集合 ${c.name} 有清单之外的索引 ${r.name}（${indexText(r)}），保留未动 / index not in the manifest, left in place`)
    }
    if (drop.length) changes.push({ kind: 'dropIndexes', collection: c.name, names: drop })
    if (create.length) changes.push({ kind: 'createIndexes', collection: c.name, indexes: create })
    if (remote.acl !== want.acl) changes.push({ kind: 'setAcl', collection: c.name, from: remote.acl, to: want.acl })
  }

  const fn = want.fn
  if (!fn.codeHash) throw new Error(`cloudfunctions/${fn.name}/index.js 不存在 / not built: run npm run build:cloud`)
  if (!have.fn) {
    changes.push({ kind: 'createFunction', fn })
    for (const t of want.triggers) changes.push({ kind: 'createTrigger', fn: fn.name, trigger: t })
    return { changes, warnings }
  }
  const remote = have.fn
  if (remote.runtime && remote.runtime !== fn.runtime) {
    warnings.push(
      `函数 ${fn.name} 的运行时是 ${remote.runtime}，清单要 ${fn.runtime}；运行时只能在创建时设定（删除函数后重新部署才会改）/ runtime is fixed at creation`,
    )
  }
  const codeChanged = remote.description !== fn.description || (remote.handler && remote.handler !== fn.handler)
  if (codeChanged) changes.push({ kind: 'updateFunctionCode', fn })
  const what: string[] = []
  if (remote.timeout !== fn.timeout) what.push(`timeout ${remote.timeout}s → ${fn.timeout}s`)
  if (remote.description !== fn.description) what.push(`description → "${fn.description}"`)
  if (what.length) changes.push({ kind: 'updateFunctionConfig', fn, what })

  const wantedTriggers = new Map(want.triggers.map((t) => [t.name, t]))
  for (const r of remote.triggers) {
    if (r.type !== 'timer') continue
    const t = wantedTriggers.get(r.name)
    // One timer per function: a timer of another name, or of another schedule, goes before ours is made.
    if (!t || !sameCron(t.config, r.config)) changes.push({ kind: 'deleteTrigger', fn: fn.name, trigger: r.name })
  }
  for (const t of want.triggers) {
    const r = remote.triggers.find((x) => x.type === 'timer' && x.name === t.name)
    if (!r || !sameCron(t.config, r.config)) changes.push({ kind: 'createTrigger', fn: fn.name, trigger: t })
  }
  return { changes, warnings }
}

export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'createCollection':
      return `+ 创建集合 create collection ${c.collection}`
    case 'createIndexes':
      return c.indexes.map((i) => `+ 创建索引 create index ${c.collection}.${i.name}  ${indexText(i)}`).join('\n')
    case 'dropIndexes':
      return c.names.map((n) => `- 删除索引 drop index ${c.collection}.${n} (定义已变 / definition changed; recreated next)`).join('\n')
    case 'setAcl':
      return `~ 集合权限 acl ${c.collection}: ${c.from ?? '(new)'} → ${c.to}`
    case 'createFunction':
      return `+ 创建函数 create function ${c.fn.name}  runtime=${c.fn.runtime} timeout=${c.fn.timeout}s code=${c.fn.codeHash?.slice(0, 16)}`
    case 'updateFunctionCode':
      return `~ 更新代码 update code ${c.fn.name} → ${c.fn.codeHash?.slice(0, 16)}`
    case 'updateFunctionConfig':
      return `~ 更新配置 update config ${c.fn.name}: ${c.what.join('; ')}`
    case 'deleteTrigger':
      return `- 删除触发器 delete trigger ${c.fn}.${c.trigger}`
    case 'createTrigger':
      return `+ 创建触发器 create trigger ${c.fn}.${c.trigger.name}  type=${c.trigger.type} config="${c.trigger.config}"`
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** The desired state, line by line: what `npm run deploy` makes true in the environment. */
export function formatPlan(want: DesiredState, envId: string | null): string {
  const out: string[] = []
  const indexCount = want.collections.reduce((s, c) => s + c.indexes.length, 0)
  out.push(`环境 env: ${envId ?? '(TCB_ENV_ID 未设置 / not set)'}`)
  out.push(
    `清单 manifest: cloudfunctions/${want.fn.name}/${want.manifest.file} — ${want.collections.length} collections, ${indexCount} indexes` +
      (want.manifest.skipped.length ? ` (local only, not deployed: ${want.manifest.skipped.join(', ')})` : ''),
  )
  out.push('')
  out.push(`集合 collections — 每个集合的权限 every collection's permission: ${want.acl} (仅管理员可读写)`)
  for (const c of want.collections) {
    out.push(`  collection ${c.name}  acl=${want.acl}  indexes=${c.indexes.length}${c.purpose ? `  — ${c.purpose}` : ''}`)
    for (const i of c.indexes) out.push(`    index ${c.name}.${i.name}  ${indexText(i)}`)
  }
  out.push('')
  const fn = want.fn
  out.push(`函数 function`)
  out.push(`  function ${fn.name}  runtime=${fn.runtime} handler=${fn.handler} timeout=${fn.timeout}s installDependency=true (wx-server-sdk from package.json)`)
  out.push(
    `    code: ${fn.files.map((f) => `${f.name} ${kb(f.bytes)}`).join(', ') || '(none)'}` +
      (fn.codeHash ? `  sha256=${fn.codeHash.slice(0, 16)}` : '  — index.js 未构建 not built (the real run builds it first)'),
  )
  out.push(`    openapi permissions (config.json): ${fn.openapi.join(', ') || '(none)'}`)
  for (const t of want.triggers) out.push(`  trigger ${fn.name}.${t.name}  type=${t.type} config="${t.config}"`)
  return out.join('\n')
}
