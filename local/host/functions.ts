/**
 * Cloud functions the host can run: `cloudfunctions/<name>/src/index.ts` exporting `main(event, context)`.
 * Loaded lazily on first call, after the local cloud is installed (the function configures the SDK at
 * require time), and cached like a warm instance.
 */
import * as fs from 'fs'
import * as path from 'path'

export type CloudMain = (event: unknown, context: unknown) => Promise<unknown>

export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', '..', 'cloudfunctions')

const NAME = /^[a-z][a-z0-9_-]{0,31}$/i

export class FunctionRegistry {
  private cache = new Map<string, CloudMain>()
  constructor(private readonly root: string = FUNCTIONS_ROOT) {}

  /** The function's main, or null when no such function exists. */
  get(name: string): CloudMain | null {
    const hit = this.cache.get(name)
    if (hit) return hit
    if (!NAME.test(name)) return null
    const dir = path.join(this.root, name, 'src')
    if (!fs.existsSync(path.join(dir, 'index.ts'))) return null
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, 'index')) as { main?: CloudMain }
    if (typeof mod.main !== 'function') return null
    this.cache.set(name, mod.main)
    return mod.main
  }
}
