/**
 * Timer jobs of the request area, in bounded batches (platform/batches.ts; idempotent: a batch may run late,
 * twice, or be cut off):
 *
 * - request.clocks — a queue on the next_check index: requests whose `nextCheckAt` has come. When a stage's clock
 *   turns yellow its holder is reminded once (待办提醒, a `remind` flow entry, `warned: 'yellow'`); when it turns
 *   red the request is marked late, the holder and the community's secretaries are warned once (`warned: 'red'`,
 *   nextCheckAt null). A request still green (a settings change, a clock moved) just gets its next check. Each
 *   is a conditional update on the status, holder and nextCheckAt read, so a move in between wins and the timer's
 *   update changes nothing. 10 a batch, side by side; handling takes a request out of the query.
 * - request.autoClose — resolved requests the reporter has not answered within the community's autoCloseDays
 *   close by themselves (with their counters, in one transaction) and the reporter is told. A walk over
 *   (status resolved, resolvedAt, _id) on the status_resolved index, from the oldest, up to those resolved at
 *   least one day ago (the shortest autoCloseDays); 50 read and at most 10 closed a batch.
 *
 * How late the timer can be: WeChat allows one timer trigger per function, a 7-field cron in config.json
 * (developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/triggers.html; the trigger's
 * time zone is UTC+8); ours is `0 *\/10 * * * * *`, every 10 minutes (cloudfunctions/api/config.json `tick`). So
 * a reminder or a late mark comes up to 10 minutes (plus the tick's queue) after the moment — the colours a person
 * sees never wait for it: they are computed when read (views.ts), and the shortest limit (5 minutes) may be red
 * on screen before its warning is sent.
 */
import type { Request } from '../../../../../types/requests'
import { REQUEST_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import type { Deps } from '../../platform/context'
import { notSkipped, pageAfter, queueBatch, skippedOf, timeKey, timeKeyOf, type Batch, type Cursor } from '../../platform/batches'
import { findMany, updateWhere } from '../../platform/db'
import { AppError } from '../../platform/errors'
import { shortChinaTime } from '../messages/rules'
import { holdersOf, moveRequest, noteRequest, notifyReporter, remindPeople } from './core'
import { RQ, secretariesOf, settingsOf } from './repo'
import { clockDue } from './rules'
import { EPOCH } from './paging'

/** Each warning is a few writes and one or two messages: 10 a batch, handled side by side. */
export const CLOCKS_PER_BATCH = 10
export const RESOLVED_READ_PER_BATCH = 50
export const CLOSES_PER_BATCH = 10
/** The shortest autoCloseDays a community may set (RequestSetSettingsInput): nothing resolved more recently is due. */
const MIN_AUTO_CLOSE_DAYS = 1

type Settings = Awaited<ReturnType<typeof settingsOf>>

function settingsCache(deps: Deps): (communityId: string) => Promise<Settings> {
  const cache = new Map<string, Promise<Settings>>()
  return (id) => {
    let s = cache.get(id)
    if (!s) cache.set(id, (s = settingsOf(deps.db, id)))
    return s
  }
}

const label = (r: Request) => REQUEST_CATEGORY_LABELS[r.category]

/** One request whose check has come: warn once per colour and stage, or schedule the next check. */
async function checkClock(deps: Deps, r: Request, yellowShare: number): Promise<'yellow' | 'red' | 'rescheduled' | 'lost'> {
  const now = deps.now()
  const due = clockDue(r, yellowShare, now)
  const where = { nextCheckAt: r.nextCheckAt ?? null }
  if (due.action === 'none') {
    const n = await updateWhere(
      deps.db,
      RQ.requests,
      { _id: r._id, status: r.status, holderKey: r.holderKey ?? null, ...where },
      { nextCheckAt: due.nextCheckAt },
    )
    return n === 1 ? 'rescheduled' : 'lost'
  }
  const deadline = r.dueAt ? shortChinaTime(r.dueAt) : ''
  if (due.action === 'yellow') {
    const note = `即将超时，请在${deadline}前处理`
    if (!(await noteRequest(deps, r, 'remind', null, { note, set: { warned: 'yellow', nextCheckAt: due.nextCheckAt }, where }))) return 'lost'
    await remindPeople(deps, r, await holdersOf(deps, r), `${label(r)}${note}`)
    return 'yellow'
  }
  const note = `已超过时限（${deadline}），请尽快处理`
  if (!(await noteRequest(deps, r, 'remind', null, { note, set: { warned: 'red', late: true, nextCheckAt: null }, where }))) return 'lost'
  const [holders, secretaries] = await Promise.all([holdersOf(deps, r), secretariesOf(deps.db, r.communityId)])
  await remindPeople(deps, r, holders, note)
  await remindPeople(
    deps,
    r,
    secretaries.map((u) => u._id).filter((id) => !holders.includes(id)),
    `诉求超时未办：${deadline}`,
  )
  return 'red'
}

export async function checkClocks(deps: Deps, cursor: Cursor): Promise<Batch> {
  const _ = deps.db.command
  const skip = skippedOf(cursor)
  const now = deps.now()
  const page = await findMany<Request>(
    deps.db,
    RQ.requests,
    { nextCheckAt: _.gte(EPOCH).and(_.lte(now)), ...notSkipped(deps.db, skip) },
    {
      orderBy: [
        ['nextCheckAt', 'asc'],
        ['_id', 'asc'],
      ],
      limit: CLOCKS_PER_BATCH,
    },
  )
  const settings = settingsCache(deps)
  const counts: Record<string, number> = { yellow: 0, red: 0, rescheduled: 0 }
  await Promise.all(
    page.map(async (r) => {
      try {
        const outcome = await checkClock(deps, r, (await settings(r.communityId)).yellowShare)
        if (outcome === 'lost') skip.push(r._id)
        else counts[outcome]++
      } catch (err) {
        console.error('request clock check failed', r._id, err)
        skip.push(r._id)
      }
    }),
  )
  return queueBatch(counts, page.length, CLOCKS_PER_BATCH, skip)
}

export async function autoCloseResolved(deps: Deps, cursor: Cursor): Promise<Batch> {
  const _ = deps.db.command
  const now = deps.now()
  const after = timeKeyOf(cursor)
  const newest = new Date(now.getTime() - MIN_AUTO_CLOSE_DAYS * 86400_000)
  const page = await pageAfter<Request>(deps.db, RQ.requests, { status: 'resolved' }, 'resolvedAt', _.lte(newest), after, RESOLVED_READ_PER_BATCH)
  const settings = settingsCache(deps)
  let closed = 0
  for (let i = 0; i < page.length; i++) {
    const r = page[i]
    const s = await settings(r.communityId)
    if (r.resolvedAt && new Date(r.resolvedAt).getTime() + s.autoCloseDays * 86400_000 <= now.getTime()) {
      try {
        const done = await moveRequest(deps, r, 'autoclose', null, {
          note: `${s.autoCloseDays} 天未确认，自动办结`,
          set: { closedAt: now },
          yellowShare: s.yellowShare,
        })
        await notifyReporter(deps, done, `${s.autoCloseDays} 天未确认，已自动办结`)
        closed++
      } catch (err) {
        // A reporter's confirm or reopen at the same moment wins; anything else is logged and left for the next pass.
        if (!(err instanceof AppError && err.code === 'CONFLICT')) console.error('request auto-close failed', r._id, err)
      }
    }
    if (closed >= CLOSES_PER_BATCH && i < page.length - 1) return { counts: { closed }, cursor: { after: timeKey(r, r.resolvedAt!) }, done: false }
  }
  if (page.length < RESOLVED_READ_PER_BATCH) return { counts: { closed }, cursor: null, done: true }
  const last = page[page.length - 1]
  return { counts: { closed }, cursor: { after: timeKey(last, last.resolvedAt!) }, done: false }
}
