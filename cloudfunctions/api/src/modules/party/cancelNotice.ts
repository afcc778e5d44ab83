/**
 * Telling everyone signed up that an activity is cancelled, in batches that fit an invocation.
 *
 * activity.cancel may have up to 5,000 people to tell, a subscribe message each: far more than one call
 * should wait for. So the cancel records a notice job (`notify_jobs`, one per activity) and sends the
 * first batch itself (50 people, 10 sends at a time: small activities hear at once); the timer job
 * `activity.cancelNotice` sends the rest, a batch at a time from the job's cursor (the last sign-up _id).
 *
 * Exactly once per person: each sign-up is marked `cancelNoticeAt` by a conditional update before its
 * message is sent, so the cancel's own batch and a tick racing it, or a repeated batch, never send twice.
 * (A crash between the mark and the send loses that one message rather than sending it twice.)
 */
import type { Activity, Signup } from '../../../../../types/party'
import type { Deps } from '../../platform/context'
import { afterIdOf, inParallel, type Batch, type Cursor } from '../../platform/batches'
import { ensureDoc, findMany, getById, updateWhere } from '../../platform/db'
import { notifyUser } from './notify'
import { PT } from './repo'

export const NOTICES_PER_BATCH = 50
export const SENDS_AT_ONCE = 10

/** `notify_jobs/<id>`: a message to everyone signed up to an activity, sent in batches. */
export interface NoticeJob {
  _id: string
  kind: 'activity.cancel'
  status: 'pending' | 'done'
  activityId: string
  communityId: string
  page: string
  what: string
  note: string
  /** The last sign-up _id handled; null before the first batch. */
  after: string | null
  sent: number
  createdAt: Date
  doneAt: Date | null
}

export const noticeJobId = (activityId: string) => `cancel_${activityId}`

/** Records the notice job of a cancelled activity (once: the id is the activity's). */
export async function startCancelNotice(deps: Pick<Deps, 'db' | 'now'>, a: Activity, reason: string): Promise<NoticeJob> {
  const job: NoticeJob = {
    _id: noticeJobId(a._id),
    kind: 'activity.cancel',
    status: 'pending',
    activityId: a._id,
    communityId: a.communityId,
    page: `packages/party/pages/activity/index?id=${a._id}&c=${a.communityId}`,
    what: `活动取消：${a.title}`,
    note: reason,
    after: null,
    sent: 0,
    createdAt: deps.now(),
    doneAt: null,
  }
  await ensureDoc(deps.db, PT.noticeJobs, job)
  return (await getById<NoticeJob>(deps.db, PT.noticeJobs, job._id)) ?? job
}

/** Sends the next batch of one notice job; answers how many were sent and whether the job is finished. */
export async function sendNoticeBatch(deps: Pick<Deps, 'db' | 'now' | 'openapi'>, job: NoticeJob): Promise<{ sent: number; finished: boolean }> {
  const _ = deps.db.command
  const now = deps.now()
  const signups = await findMany<Signup>(
    deps.db,
    PT.signups,
    { activityId: job.activityId, status: 'signed', ...(job.after ? { _id: _.gt(job.after) } : {}) },
    {
      orderBy: [['_id', 'asc']],
      limit: NOTICES_PER_BATCH,
    },
  )
  let sent = 0
  await inParallel(
    signups.filter((s) => !s.cancelNoticeAt),
    SENDS_AT_ONCE,
    async (s) => {
      if ((await updateWhere(deps.db, PT.signups, { _id: s._id, cancelNoticeAt: _.exists(false) }, { cancelNoticeAt: now })) !== 1) return
      await notifyUser(deps, job.communityId, s.userId, job.page, job.what, job.note)
      sent++
    },
  )
  const finished = signups.length < NOTICES_PER_BATCH
  const after = signups.length ? signups[signups.length - 1]._id : job.after
  await deps.db
    .collection(PT.noticeJobs)
    .doc(job._id)
    .update({
      data: { after, sent: _.inc(sent), ...(finished ? { status: 'done', doneAt: now } : {}) },
    })
  job.after = after
  job.sent += sent
  return { sent, finished }
}

/**
 * Timer job: the next pending notice job after the last one served (round robin, so one activity with
 * thousands of people does not hold back another's) gets its next batch; done when none is pending.
 */
export async function sendCancelNotices(deps: Deps, cursor: Cursor): Promise<Batch> {
  const last = afterIdOf(cursor)
  // notify_jobs also holds other areas' notices (council/notices.ts): this job serves activity cancellations.
  const pending = { status: 'pending', kind: 'activity.cancel' }
  let [job] = last
    ? await findMany<NoticeJob>(deps.db, PT.noticeJobs, { ...pending, _id: deps.db.command.gt(last) }, { orderBy: [['_id', 'asc']], limit: 1 })
    : []
  if (!job) [job] = await findMany<NoticeJob>(deps.db, PT.noticeJobs, pending, { orderBy: [['_id', 'asc']], limit: 1 })
  if (!job) return { counts: { sent: 0 }, cursor: null, done: true }
  const { sent } = await sendNoticeBatch(deps, job)
  return { counts: { sent }, cursor: { after: job._id }, done: false }
}
