import { Engine, EngineOptions, loadDatabaseManifest, withCollections } from '../../local/engine'
import { installLocalCloud } from '../../local/cloud'

/**
 * Collections the conformance suites use besides the function's own (the engine creates only the
 * manifest's collections, as the cloud has only those created at deploy time).
 */
export const TEST_COLLECTIONS = ['people', 'notes', 'ops', 'goods', 'many', 'orders', 'accounts']

/** The function's database manifest plus the test collections. */
export const testManifest = (...more: string[]) => withCollections(loadDatabaseManifest(), ...TEST_COLLECTIONS, ...more)

/** Open an engine, plug it under the real wx-server-sdk and return the SDK handles. */
export async function setupCloud(opts: Partial<EngineOptions> = {}) {
  const engine = await Engine.open({ dataDir: null, manifest: testManifest(), ...opts })
  installLocalCloud(engine)

  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  const db = cloud.database()
  return { engine, cloud, db, _: db.command, $: db.command.aggregate }
}
