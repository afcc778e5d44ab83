import { Engine, EngineOptions } from '../../local/engine'
import { installLocalCloud } from '../../local/cloud'

/** Open an engine, plug it under the real wx-server-sdk and return the SDK handles. */
export async function setupCloud(opts: Partial<EngineOptions> = {}) {
  const engine = await Engine.open({ dataDir: null, ...opts })
  installLocalCloud(engine)
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local' })
  const db = cloud.database()
  return { engine, cloud, db, _: db.command, $: db.command.aggregate }
}
