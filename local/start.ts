/**
 * `npm start`: the app on this machine, no WeChat account needed.
 * Builds the H5 app when it is missing or older than its sources, opens the local cloud on DATA_DIR
 * (the demo street is seeded the first time; data persists across restarts) and serves everything on
 * http://127.0.0.1:10086/.
 *
 * Environment: PORT (10086), HOST (127.0.0.1; loopback only), DATA_DIR (.data, relative to the project).
 */
import * as path from 'path'
import { startStack } from './stack'
// The same freshness rule and build lock as the tests that load the build (two builds into dist/h5 at
// once would clobber each other).
import { distDir, ensureBuilt, isFresh } from '../test/support/build'

const ROOT = path.resolve(__dirname, '..')

async function ensureH5(): Promise<string> {
  if (isFresh('h5')) {
    console.log('H5 页面已是最新，跳过构建。')
    return distDir('h5')
  }
  console.log('H5 页面不存在或比源码旧，正在构建：npx taro build --type h5（约 30 秒）…')
  const started = Date.now()
  try {
    await ensureBuilt('h5')
  } catch (err) {
    console.error('H5 构建失败：')
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  }
  console.log(`H5 构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`)
  return distDir('h5')
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 10086)
  const host = process.env.HOST || '127.0.0.1'
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR || '.data')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不正确：${process.env.PORT}`)

  const h5 = await ensureH5()
  const stack = await startStack({ port, host, dataDir, seed: 'if-empty', showcase: true, serveH5: h5, timers: true })
  const base = stack.url
  const shown = dataDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dataDir) : dataDir
  console.log('')
  console.log(stack.seeded ? `数据目录 ${shown} 是空的：已写入演示数据（青山街道）。` : `使用已有数据：${shown}（npm run reset 可恢复演示数据）。`)
  console.log(`本地服务已启动: ${base}`)
  console.log(`  演示人员:       ${base}dev/people`)
  console.log(`  订阅消息发件箱: ${base}dev/outbox`)
  console.log('定时触发器（config.json）按时直接调用云函数，不经 HTTP。')
  console.log('按 Ctrl+C 停止。')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n收到 ${signal}，正在停止…`)
    await stack.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

if (require.main === module) {
  main().catch((err) => {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`端口已被占用：${process.env.PORT || 10086}。换一个端口：PORT=10087 npm start`)
    else console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
