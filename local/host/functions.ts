/**
 * Cloud functions the host can run: `cloudfunctions/<name>/src/index.ts` exporting `main(event, context)`.
 * Loaded lazily on first call, after the local cloud is installed (the function configures the SDK at
 * require time), and cached like a warm instance. Each runs under the timeout its `config.json` declares
 * (`timeout`, seconds; the platform's 3 s when absent), as WeChat Cloud runs it.
 */
import * as fs from 'fs'
import * as path from 'path'
import { timeoutSecondsOf } from '../../cloudfunctions/api/src/platform/limits'

export type CloudMain = (event: unknown, context: unknown) => Promise<unknown>

export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', '..', 'cloudfunctions')

const NAME = /^[a-z][a-z0-9_-]{0,31}$/i

/** The timeout (ms) `<root>/<name>/config.json` declares for a function: what the platform enforces. */
export function functionTimeoutMs(name: string, root: string = FUNCTIONS_ROOT): number {
  const file = path.join(root, name, 'config.json')
  const config = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { timeout?: unknown }) : {}
  return timeoutSecondsOf(config) * 1000
}

export class FunctionRegistry {
  private cache = new Map<string, CloudMain>()
  private timeouts = new Map<string, number>()
  constructor(private readonly root: string = FUNCTIONS_ROOT) {}

  /** The function's timeout in ms, from its config.json (read once, like a deployed configuration). */
  timeoutMs(name: string): number {
    let t = this.timeouts.get(name)
    if (t === undefined) {
      t = functionTimeoutMs(name, this.root)
      this.timeouts.set(name, t)
    }
    return t
  }

  /** The function's main, or null when no such function exists. */
  get(name: string): CloudMain | null {
    const hit = this.cache.get(name)
    if (hit) return hit
    if (!NAME.test(name)) return null
    const dir = path.join(this.root, name, 'src')
    if (!fs.existsSync(path.join(dir, 'index.ts'))) return null

    const mod = require(path.join(dir, 'index')) as { main?: CloudMain }
    if (typeof mod.main !== 'function') return null
    this.cache.set(name, mod.main)
    return mod.main
  }
}
