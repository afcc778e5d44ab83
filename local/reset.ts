/**
 * `npm run reset`: wipes the data folder (DATA_DIR, default .data) and seeds the demo street again.
 * Stop `npm start` first: a running host keeps writing to the same folder.
 */
import * as fs from 'fs'
import * as path from 'path'
import { Engine, loadDatabaseManifest } from './engine'
import { seedDemo } from './seed/demo'
import { seedScenario } from './seed/scenario'
import { installLocalCloud } from './cloud'

const ROOT = path.resolve(__dirname, '..')

/** True when something answers /dev/people on the port (a running `npm start`). */
async function hostRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/dev/people`, { signal: AbortSignal.timeout(800) })
    return res.ok
  } catch {
    return false
  }
}

/** Only folders laid out by the local stack (db/, storage/) are wiped: a mistyped DATA_DIR must not delete anything else. */
function assertOurs(dataDir: string): void {
  const resolved = path.resolve(dataDir)
  if (resolved === path.parse(resolved).root || ROOT.startsWith(resolved + path.sep) || resolved === ROOT) {
    throw new Error(`拒绝清空 ${resolved}：这不是数据目录。`)
  }
  if (!fs.existsSync(resolved)) return
  const foreign = fs.readdirSync(resolved).filter((e) => e !== 'db' && e !== 'storage')
  if (foreign.length) throw new Error(`拒绝清空 ${resolved}：其中有不属于本地服务的文件（${foreign.slice(0, 3).join('、')}）。`)
}

export async function resetData(dataDir: string): Promise<void> {
  assertOurs(dataDir)
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  // Same layout as local/stack.ts: the database under db/, uploads under storage/.
  const engine = await Engine.open({ dataDir: path.join(dataDir, 'db'), manifest: loadDatabaseManifest() })
  try {
    installLocalCloud(engine)
    await seedDemo(engine)
    await seedScenario(engine)
    await engine.flush()
  } finally {
    await engine.close()
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 10086)
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR || '.data')
  if (await hostRunning(port)) {
    console.error(`本地服务正在运行（端口 ${port}）。请先停止 npm start，再运行 npm run reset。`)
    process.exit(1)
  }
  const shown = dataDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dataDir) : dataDir
  console.log(`正在清空数据目录 ${shown} 并写入演示数据…`)
  await resetData(dataDir)
  console.log('已恢复演示数据（青山街道：幸福里社区、和平社区）。运行 npm start 启动。')
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
