/**
 * The whole local WeChat Cloud in one call: the engine (collections and indexes from the manifest), the local cloud
 * under wx-server-sdk, the demo seed, and the HTTP host. Used by `npm start`, the tests and the bench.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { Engine, loadDatabaseManifest, type DatabaseManifest } from './engine'
import { installLocalCloud, invokeFunction, localOpenApi } from './cloud'
import { assertSafeBinding, startHost } from './host/server'
import { startScheduler, type TimerTrigger } from './host/scheduler'
import { FunctionRegistry } from './host/functions'
import { seedDemo } from './seed/demo'
import { seedScenario } from './seed/scenario'

export interface StackOptions {
  /** 0 = ephemeral (default). */
  port?: number
  /** Default 127.0.0.1. With devIdentity (the default) it must be a loopback address. */
  host?: string
  /** Where data persists (journal + snapshot, storage/); null = memory only (default). */
  dataDir?: string | null
  /** 'demo': wipe and seed; 'if-empty': seed only when there is no data yet; 'none' (default). */
  seed?: 'demo' | 'none' | 'if-empty'
  /** With the demo: also the showcase (a few weeks of activity made through the function). npm start/reset use it. */
  showcase?: boolean
  /** The H5 build folder to serve, or null (default). */
  serveH5?: string | null
  /** The address the local openapi stand-ins put in links (QR codes …); default: the host's own URL. */
  publicBaseUrl?: string
  /** Trust the x-wx-openid header and serve /dev/* (default true; loopback only). */
  devIdentity?: boolean
  /** Database manifest: the collections and their indexes (default: cloudfunctions/api/database.json, what the cloud is told to create). */
  manifest?: DatabaseManifest
  /** Request log; false = silent (default console.log). */
  log?: ((line: string) => void) | false
  /**
   * Fire the functions' timer triggers on their schedule, calling main directly (never over HTTP):
   * true = the triggers in each function's config.json (npm start); a list = those; default false
   * (tests fire them with `runTimer`).
   */
  timers?: boolean | TimerTrigger[]
  /**
   * The time the functions run on, for the host's calls and the timers alike (passed to main as
   * context.clock, the way only an in-process caller can); default the system's.
   */
  clock?: () => Date
}

export interface Stack {
  url: string
  port: number
  engine: Engine
  /** Where uploads go (<dataDir>/storage, or a temp folder when memory-only). */
  storageDir: string
  /** True when this start seeded the demo. */
  seeded: boolean
  /** Fires a timer trigger now, the way the scheduler does: main({ Type: 'Timer', … }) directly, no OPENID. */
  runTimer(fn?: string, triggerName?: string): Promise<unknown>
  close(): Promise<void>
}

/** The function message pushes go to (WeChat: 云开发控制台 → 设置 → 其他设置 → 消息推送; platform/mediaPush.ts). */
export const MESSAGE_PUSH_FUNCTION = 'api'
/** How long after a mediaCheckAsync call the local stack pushes its result (WeChat: within 30 minutes). */
export const MEDIA_CHECK_PUSH_DELAY_MS = 3000

async function isEmpty(engine: Engine): Promise<boolean> {
  for (const c of ['streets', 'communities', 'users']) if ((await engine.count(c)) > 0) return false
  return true
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const host = opts.host ?? '127.0.0.1'
  const devIdentity = opts.devIdentity ?? true
  // Refuse before opening anything.
  assertSafeBinding(host, devIdentity)

  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : null
  let tempStorage: string | null = null
  let storageDir: string
  if (dataDir) {
    storageDir = path.join(dataDir, 'storage')
  } else {
    tempStorage = fs.mkdtempSync(path.join(os.tmpdir(), 'local-storage-'))
    storageDir = tempStorage
  }

  const engine = await Engine.open({ dataDir: dataDir ? path.join(dataDir, 'db') : null, manifest: opts.manifest ?? loadDatabaseManifest(), now: opts.clock })

  // The host listens first (its URL is the default public base URL); functions and /dev wait for `ready`.
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  let hostHandle: Awaited<ReturnType<typeof startHost>>
  try {
    hostHandle = await startHost({
      engine,
      host,
      port: opts.port ?? 0,
      devIdentity,
      storageDir,
      h5Dir: opts.serveH5 ?? null,
      log: opts.log,
      ready,
      clock: opts.clock,
    })
  } catch (err) {
    await engine.close()
    if (tempStorage) fs.rmSync(tempStorage, { recursive: true, force: true })
    throw err
  }

  let seeded = false
  try {
    installLocalCloud(engine, {
      openapi: { publicBaseUrl: opts.publicBaseUrl ?? hostHandle.url.replace(/\/$/, ''), storageDir, pushDelayMs: MEDIA_CHECK_PUSH_DELAY_MS },
    })
    // The console's message-push configuration: wxa_media_check events go to the `api` function, called as the
    // platform calls a message push (platform/mediaPush.ts: the pushing user's OPENID, no documented SOURCE),
    // never over HTTP.
    const functions = new FunctionRegistry()
    localOpenApi()!.setPushTarget(async (event) => {
      const main = functions.get(MESSAGE_PUSH_FUNCTION)
      if (!main) throw new Error(`message push: no function ${MESSAGE_PUSH_FUNCTION}`)
      return invokeFunction(main, event, {
        caller: { OPENID: event.FromUserName, SOURCE: '' },
        clock: opts.clock,
        fn: MESSAGE_PUSH_FUNCTION,
        timeoutMs: functions.timeoutMs(MESSAGE_PUSH_FUNCTION),
      })
    })
    const seed = opts.seed ?? 'none'
    if (seed === 'demo' || (seed === 'if-empty' && (await isEmpty(engine)))) {
      await seedDemo(engine)
      if (opts.showcase) await seedScenario(engine)
      seeded = true
    }
  } catch (err) {
    await hostHandle.close()
    await engine.close()
    throw err
  } finally {
    markReady()
  }

  const scheduler = startScheduler({
    triggers: opts.timers === true ? undefined : opts.timers || [],
    ready,
    log: opts.log,
    clock: opts.clock,
  })

  let closed = false
  return {
    url: hostHandle.url,
    port: hostHandle.port,
    engine,
    storageDir,
    seeded,
    runTimer: (fn = 'api', triggerName = 'tick') => scheduler.fire(fn, triggerName),
    async close() {
      if (closed) return
      closed = true
      await scheduler.stop()
      await hostHandle.close()
      await engine.flush()
      await engine.close()
      if (tempStorage) fs.rmSync(tempStorage, { recursive: true, force: true })
    },
  }
}
