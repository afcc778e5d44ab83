/**
 * What the deploy creates in the database: every collection of the manifest, with its indexes.
 *
 * ONE loader, `loadDeployManifest()`: it reads `cloudfunctions/api/database.json`
 * (`{ collections: { <name>: { purpose, indexes: [{ name, keys, unique? }], localOnly? } } }`); collections
 * marked localOnly (the local stand-ins' own) are skipped.
 */
import * as fs from 'fs'
import * as path from 'path'

export const FUNCTION_DIR = path.resolve(__dirname, '..', '..', 'cloudfunctions', 'api')
export const DATABASE_MANIFEST = 'database.json'
/** WeChat Cloud: at most 20 indexes per collection (the default `_id` index not counted here). */
export const MAX_INDEXES_PER_COLLECTION = 20

export type Direction = 1 | -1
export interface DeployIndex {
  name: string
  keys: [string, Direction][]
  unique: boolean
}
export interface DeployCollection {
  name: string
  purpose?: string
  indexes: DeployIndex[]
}
export interface DeployManifest {
  /** the file read, relative to the function folder */
  file: string
  collections: DeployCollection[]
  /** collections the manifest lists as local-only (not deployed) */
  skipped: string[]
}

function fail(file: string, msg: string): never {
  throw new Error(`${file}: ${msg}`)
}

function parseIndex(file: string, coll: string, raw: any): DeployIndex {
  if (!raw || typeof raw.name !== 'string' || !raw.name) fail(file, `collection "${coll}": an index has no name`)
  if (!Array.isArray(raw.keys) || raw.keys.length === 0) fail(file, `collection "${coll}", index "${raw.name}": keys must be a non-empty array`)
  const keys = raw.keys.map((k: any): [string, Direction] => {
    if (!Array.isArray(k) || typeof k[0] !== 'string' || (k[1] !== 1 && k[1] !== -1)) {
      fail(file, `collection "${coll}", index "${raw.name}": each key must be [field, 1 | -1], got ${JSON.stringify(k)}`)
    }
    return [k[0], k[1]]
  })
  return { name: raw.name, keys, unique: raw.unique === true }
}

function checkCollection(file: string, c: DeployCollection): DeployCollection {
  const names = new Set<string>()
  for (const i of c.indexes) {
    if (names.has(i.name)) fail(file, `collection "${c.name}": index name "${i.name}" appears twice`)
    names.add(i.name)
  }
  if (c.indexes.length > MAX_INDEXES_PER_COLLECTION)
    fail(file, `collection "${c.name}": ${c.indexes.length} indexes, WeChat Cloud allows ${MAX_INDEXES_PER_COLLECTION}`)
  return c
}

/** The collections and indexes to create in the cloud (local-only collections left out). */
export function loadDeployManifest(dir: string = FUNCTION_DIR): DeployManifest {
  const dbFile = path.join(dir, DATABASE_MANIFEST)
  if (fs.existsSync(dbFile)) {
    const raw = JSON.parse(fs.readFileSync(dbFile, 'utf8'))
    const collections: DeployCollection[] = []
    const skipped: string[] = []
    for (const [name, entry] of Object.entries<any>(raw.collections ?? {})) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !Array.isArray(entry.indexes)) {
        fail(DATABASE_MANIFEST, `collection "${name}" must be { "purpose": "...", "indexes": [...] }`)
      }
      if (entry.localOnly === true) {
        skipped.push(name)
        continue
      }
      collections.push(
        checkCollection(DATABASE_MANIFEST, {
          name,
          ...(typeof entry.purpose === 'string' ? { purpose: entry.purpose } : {}),
          indexes: entry.indexes.map((i: any) => parseIndex(DATABASE_MANIFEST, name, i)),
        }),
      )
    }
    return { file: DATABASE_MANIFEST, collections, skipped }
  }
  throw new Error(`没有数据库清单 / no database manifest: ${dbFile} does not exist`)
}
