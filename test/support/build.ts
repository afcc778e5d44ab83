/**
 * Builds the mini-program (weapp) or the H5 site for the tests that load the real build output,
 * only when it is missing or older than its sources (src/, config/, types/, babel.config.js).
 *
 * A lock directory in os.tmpdir() keeps two jest workers (or two test files) from building the
 * same target at once; the second one waits and then finds the build fresh. A failed build
 * throws with the end of Taro's output: a test that needs the build fails, it never skips.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type BuildTarget = 'h5' | 'weapp'

export const ROOT = path.resolve(__dirname, '../..')
const SOURCES = ['src', 'config', 'types', 'babel.config.js']
/** The file each build writes last (Taro empties the output folder when a build starts). */
const MARKER: Record<BuildTarget, string> = { weapp: 'app.json', h5: 'index.html' }
const BUILD_TIMEOUT_MS = 6 * 60_000
const STALE_LOCK_MS = 10 * 60_000

export function distDir(target: BuildTarget): string {
  return path.join(ROOT, 'dist', target)
}

function newestMtime(p: string): number {
  let st: fs.Stats
  try {
    st = fs.statSync(p)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(path.join(p, name)))
  }
  return newest
}

/** True when the build output exists and is newer than every source file. */
export function isFresh(target: BuildTarget): boolean {
  const marker = path.join(distDir(target), MARKER[target])
  let built: number
  try {
    built = fs.statSync(marker).mtimeMs
  } catch {
    return false
  }
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))))
  return built >= sources
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function lockPath(target: BuildTarget): string {
  const tag = crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 10)
  return path.join(os.tmpdir(), `taro-build-${tag}-${target}.lock`)
}

async function withLock<T>(target: BuildTarget, fn: () => Promise<T>): Promise<T> {
  const lock = lockPath(target)
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 60_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid))
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      // Someone else is building. Take the lock over only if its owner is gone or it is very old.
      let stale = false
      try {
        const st = fs.statSync(lock)
        const pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'))
        stale = Date.now() - st.mtimeMs > STALE_LOCK_MS
        if (pid && !stale) {
          try {
            process.kill(pid, 0)
          } catch {
            stale = true
          }
        }
      } catch {
        /* lock being created or removed right now: wait */
      }
      if (stale) {
        fs.rmSync(lock, { recursive: true, force: true })
        continue
      }
      // eslint-disable-next-line preserve-caught-error -- a timeout of our own, not the caught lock error
      if (Date.now() > deadline) throw new Error(`waited too long for the ${target} build lock ${lock}`)
      await sleep(500)
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

function runTaroBuild(target: BuildTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['taro', 'build', '--type', target], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', TARO_ENV: target, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const keep = (b: Buffer) => {
      out = (out + b.toString()).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`taro build --type ${target} timed out after ${BUILD_TIMEOUT_MS / 1000} s\n${out.slice(-4000)}`))
    }, BUILD_TIMEOUT_MS)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const marker = path.join(distDir(target), MARKER[target])
      if (code === 0 && fs.existsSync(marker)) resolve()
      else reject(new Error(`taro build --type ${target} failed (exit ${code})\n${out.slice(-4000)}`))
    })
  })
}

/** Builds `target` if needed and returns its output folder (dist/weapp or dist/h5). */
export async function ensureBuilt(target: BuildTarget): Promise<string> {
  if (isFresh(target)) return distDir(target)
  await withLock(target, async () => {
    if (!isFresh(target)) await runTaroBuild(target)
  })
  return distDir(target)
}
