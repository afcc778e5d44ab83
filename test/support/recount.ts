/**
 * Run one recount of modules/counters/registry.ts to the end of its pass, one batch per invocation (as the
 * timer job does, each under the function's timeout), as the platform's timer caller. Answers the drift found
 * (and fixed, with `fix`) and the batches it took. The function must be loaded (openTestCloud, or the bench's
 * require of its index) so that wx-server-sdk is initialised on the local cloud.
 */
import * as cloud from 'wx-server-sdk'
import { invokeFunction } from '../../local/cloud'
import { functionTimeoutMs } from '../../local/host/functions'
import type { Drift } from '../../cloudfunctions/api/src/modules/counters/registry'
import type { Cursor } from '../../cloudfunctions/api/src/platform/batches'

export async function runRecount(
  name: string,
  opts: { fix: boolean; clock?: () => Date },
): Promise<{ drift: Drift[]; batches: number; counts: Record<string, number> }> {
  const { RECOUNTS } =
    require('../../cloudfunctions/api/src/modules/counters/registry') as typeof import('../../cloudfunctions/api/src/modules/counters/registry')
  const { wechatOpenApi } = require('../../cloudfunctions/api/src/platform/openapi') as typeof import('../../cloudfunctions/api/src/platform/openapi')
  const recount = RECOUNTS[name]
  if (!recount) throw new Error(`no recount ${name}`)
  const drift: Drift[] = []
  const counts: Record<string, number> = {}
  let cursor: Cursor = null
  for (let batches = 1; batches < 100_000; batches++) {
    const batch = await invokeFunction(
      async (_event, context) => {
        const clock = (context as { clock?: () => Date } | undefined)?.clock ?? (() => new Date())
        const deps = {
          db: cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]),
          openid: null,
          now: clock,
          openapi: wechatOpenApi,
        }
        return recount(deps as never, cursor, { fix: opts.fix })
      },
      null,
      { caller: { OPENID: '' }, clock: opts.clock, fn: 'api', timeoutMs: functionTimeoutMs('api') },
    )
    drift.push(...batch.drift)
    for (const [k, v] of Object.entries(batch.counts)) counts[k] = (counts[k] ?? 0) + v
    if (batch.done) return { drift, batches, counts }
    cursor = batch.cursor
  }
  throw new Error(`recount ${name} did not end`)
}
