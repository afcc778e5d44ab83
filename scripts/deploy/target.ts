/**
 * Where the changes go: a `CloudTarget` reads the environment's state and applies one change at a time.
 * `managerNodeTarget()` is the real one, over Tencent's `@cloudbase/manager-node` (the library the CloudBase
 * CLI is built on): collections and indexes (database.listCollections / describeCollection / createCollection /
 * updateCollection), collection permissions (the tcb API DescribeDatabaseACL / ModifyDatabaseACL through the
 * manager's commonService), the function (functions.createFunction / updateFunctionCode / updateFunctionConfig /
 * getFunctionDetail) and its timer (functions.createFunctionTriggers / deleteFunctionTrigger).
 * The manager is loaded only here, only when credentials are given: a dry run never loads it.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import type { DeployIndex, Direction } from './manifest'
import { Change, DesiredFunction, DesiredState, RemoteCollection, RemoteFunction, RemoteState, Trigger, UPLOADED_FILES } from './plan'

export interface CloudTarget {
  observe(want: DesiredState): Promise<RemoteState>
  apply(change: Change): Promise<void>
}

export interface Credentials {
  envId: string
  secretId: string
  secretKey: string
  /** temporary credentials (STS) carry a session token */
  token?: string
  region?: string
}

/** Names of the environment variables the deploy reads. */
export const ENV = {
  envId: 'TCB_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  token: 'TENCENTCLOUD_SESSIONTOKEN',
  region: 'TCB_REGION',
} as const

/** Reads the credentials; `missing` names every required variable that is not set. */
export function credentialsFromEnv(env: Record<string, string | undefined> = process.env): { creds: Credentials | null; missing: string[] } {
  const get = (k: string) => (env[k] ?? '').trim()
  const missing = [ENV.envId, ENV.secretId, ENV.secretKey].filter((k) => !get(k))
  if (missing.length) return { creds: null, missing }
  return {
    creds: {
      envId: get(ENV.envId),
      secretId: get(ENV.secretId),
      secretKey: get(ENV.secretKey),
      ...(get(ENV.token) ? { token: get(ENV.token) } : {}),
      ...(get(ENV.region) ? { region: get(ENV.region) } : {}),
    },
    missing: [],
  }
}

/** The index shape the manager returns (DescribeTable) → ours. Directions arrive as strings. */
export function fromRemoteIndex(raw: { Name: string; Keys?: { Name?: string; Direction?: string | number }[]; Unique?: boolean }): DeployIndex {
  return {
    name: raw.Name,
    keys: (raw.Keys ?? []).map((k): [string, Direction] => [String(k.Name), Number(k.Direction) === -1 ? -1 : 1]),
    unique: raw.Unique === true,
  }
}

/** Ours → the manager's CreateIndexes entry (UpdateTable). */
export function toCreateIndex(i: DeployIndex) {
  return {
    IndexName: i.name,
    MgoKeySchema: { MgoIndexKeys: i.keys.map(([field, dir]) => ({ Name: field, Direction: String(dir) })), MgoIsUnique: i.unique },
  }
}

/** A timer trigger as GetFunction returns it: TriggerDesc is `{"cron":"..."}` (or the bare cron). */
export function fromRemoteTrigger(raw: { TriggerName?: string; Type?: string; TriggerDesc?: string }): Trigger {
  let config = raw.TriggerDesc ?? ''
  try {
    const parsed = JSON.parse(config)
    if (parsed && typeof parsed.cron === 'string') config = parsed.cron
  } catch {
    // a bare cron string
  }
  return { name: String(raw.TriggerName ?? ''), type: String(raw.Type ?? ''), config }
}

/** The manager's function description of ours (CreateFunction / UpdateFunctionConfiguration fields). */
export function toCloudFunction(fn: DesiredFunction) {
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    installDependency: true as const,
    description: fn.description,
  }
}

/** Copies exactly the uploaded files into a fresh folder `<tmp>/<name>/` (no src/, no manifests). */
export function stageCode(fn: DesiredFunction): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-deploy-'))
  const dir = path.join(root, fn.name)
  fs.mkdirSync(dir)
  for (const f of UPLOADED_FILES) fs.copyFileSync(path.join(fn.dir, f), path.join(dir, f))
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) }
}

type Manager = any

export function managerNodeTarget(creds: Credentials, opts: { manager?: Manager } = {}): CloudTarget {
  const CloudBase = require('@cloudbase/manager-node')
  const app: Manager =
    opts.manager ?? new CloudBase({ secretId: creds.secretId, secretKey: creds.secretKey, token: creds.token, envId: creds.envId, region: creds.region })
  const db = () => app.database
  const functions = () => app.functions
  const tcb = () => app.commonService('tcb', '2018-06-08')

  async function existingCollections(): Promise<Set<string>> {
    const names = new Set<string>()
    const limit = 100
    for (let offset = 0; ; offset += limit) {
      const res = await db().listCollections({ MgoLimit: limit, MgoOffset: offset })
      const page: { CollectionName: string }[] = res.Collections ?? []
      for (const c of page) names.add(c.CollectionName)
      const total = res.Pager?.Total ?? 0
      if (page.length < limit || names.size >= total) break
    }
    return names
  }

  async function findFunction(name: string): Promise<RemoteFunction | null> {
    const list: { FunctionName: string }[] = await functions().listAllFunctions({ envId: creds.envId })
    if (!list.some((f) => f.FunctionName === name)) return null
    const d = await functions().getFunctionDetail(name)
    return {
      runtime: d.Runtime ?? '',
      handler: d.Handler ?? '',
      timeout: Number(d.Timeout),
      description: d.Description ?? '',
      triggers: (d.Triggers ?? []).map(fromRemoteTrigger),
    }
  }

  return {
    async observe(want) {
      const exists = await existingCollections()
      const collections = new Map<string, RemoteCollection>()
      for (const c of want.collections) {
        if (!exists.has(c.name)) continue
        const info = await db().describeCollection(c.name)
        const indexes = (info.Indexes ?? []).map(fromRemoteIndex).filter((i: DeployIndex) => i.name !== '_id_')
        const acl = await tcb().call({ Action: 'DescribeDatabaseACL', Param: { EnvId: creds.envId, CollectionName: c.name } })
        collections.set(c.name, { indexes, acl: acl?.AclTag ?? null })
      }
      return { collections, fn: await findFunction(want.fn.name) }
    },

    async apply(change) {
      switch (change.kind) {
        case 'createCollection':
          await db().createCollection(change.collection)
          return
        case 'createIndexes':
          await db().updateCollection(change.collection, { CreateIndexes: change.indexes.map(toCreateIndex) })
          return
        case 'dropIndexes':
          await db().updateCollection(change.collection, { DropIndexes: change.names.map((n) => ({ IndexName: n })) })
          return
        case 'setAcl':
          await tcb().call({ Action: 'ModifyDatabaseACL', Param: { EnvId: creds.envId, CollectionName: change.collection, AclTag: change.to } })
          return
        case 'createFunction': {
          const staged = stageCode(change.fn)
          try {
            // zip upload (base64 in the request): the bundle is far below its 1.5 MB limit
            await functions().createFunction({ func: toCloudFunction(change.fn), functionRootPath: staged.root, deployMode: 'zip', force: false })
          } finally {
            staged.cleanup()
          }
          return
        }
        case 'updateFunctionCode': {
          const staged = stageCode(change.fn)
          try {
            await functions().updateFunctionCode({ func: toCloudFunction(change.fn), functionRootPath: staged.root, deployMode: 'zip' })
          } finally {
            staged.cleanup()
          }
          await functions().waitFunctionActive(change.fn.name)
          return
        }
        case 'updateFunctionConfig':
          await functions().updateFunctionConfig({ name: change.fn.name, timeout: change.fn.timeout, description: change.fn.description })
          await functions().waitFunctionActive(change.fn.name)
          return
        case 'deleteTrigger':
          await functions().deleteFunctionTrigger(change.fn, change.trigger)
          return
        case 'createTrigger':
          await functions().createFunctionTriggers(change.fn, [change.trigger])
          return
      }
    },
  }
}
