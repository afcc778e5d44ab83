/**
 * Council meetings (议事日, representatives' meetings) are activities carrying `meeting: MeetingInfo`, so
 * residents sign up and check in with the activity pages, codes and rules (activity.signUp / checkin). What
 * is the council's own lives here:
 * - who may take part: for a meeting, anyone in the council's scope (standing.ts participation: verified data
 *   only), its seat holders and the secretary — not only party members and volunteers; every other activity
 *   keeps the access its action always had (`activityGate`);
 * - attending pays council_participation once per meeting and person (`payAttendance`);
 * - minutes attach to the topics discussed: a `meeting` entry in each topic's timeline (`attachMinutes`);
 * - the MeetingView projection.
 */
import type { Activity } from '../../../../../types/party'
import type { MeetingView, Topic, TimelineEntry } from '../../../../../types/council'
import type { Community } from '../../../../../types/org'
import { MEETING_KIND_LABELS } from '../../../../../types/vocabulary'
import type { Access } from '../../platform/action'
import type { Deps, UserCtx } from '../../platform/context'
import { getById } from '../../platform/db'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity, getMany } from '../org/repo'
import { allows, holdsRole, notMemberMessage } from '../org/rules'
import { PT } from '../party/repo'
import { credit } from '../points/earn'
import { getCouncil, K } from './repo'
import { participation, seatOf } from './standing'

/** Activity ids are 'ac' + 9 base-36 time digits + 10 hex (party/activities.ts newActivityId). */
export const isActivityCursor = (c: string) => /^ac[0-9a-z]{9}[0-9a-f]{10}$/.test(c)

/**
 * The access check of activity.signUp / checkin / get, in the order the router would have made it. For a
 * meeting of this community: `read` lets anyone logged in see it (council business is public), `join` lets in
 * the secretary, the council's seat holders and anyone in its scope (FORBIDDEN NOT_ELIGIBLE with the why
 * otherwise), `attend` leaves it to the sign-up (only those let in could sign up). For any other activity,
 * or an id that names none here: `fallback`, the access the action declared before meetings existed, with
 * the router's own refusal. Answers the activity it read when it is this community's (so the action need not
 * read it again), else null.
 */
export async function activityGate(
  ctx: UserCtx,
  communityId: string,
  activityId: string | null | undefined,
  mode: 'read' | 'join' | 'attend',
  fallback: Access,
): Promise<Activity | null> {
  const community = await getCommunity(ctx.db, communityId)
  if (!community) throw notFound('社区')
  const found = activityId ? await getById<Activity>(ctx.db, PT.activities, activityId) : null
  const a = found && found.communityId === community._id ? found : null
  if (a?.meeting) {
    if (mode === 'join') await ensureMayJoin(ctx, community, a.meeting.councilId)
    return a
  }
  if (!allows(fallback, ctx.user, community)) throw forbidden(fallback.who === 'member' ? notMemberMessage(ctx.user, community._id) : undefined)
  return a
}

async function ensureMayJoin(ctx: UserCtx, community: Community, councilId: string): Promise<void> {
  if (holdsRole(ctx.user, community, ['secretary', 'street_admin'])) return
  const council = await getCouncil(ctx.db, councilId)
  if (!council || council.communityId !== community._id) throw notFound('这个议事会')
  if (seatOf(council, ctx.user._id)) return
  const standing = await participation(ctx.db, council, ctx.user, ctx.now())
  if (!standing.ok) throw forbidden(standing.why, 'NOT_ELIGIBLE')
}

/** Attending a meeting (a check-in) is taking part in the council: council_participation, once per meeting. */
export async function payAttendance(deps: Pick<Deps, 'db' | 'now'>, a: Activity, userId: string): Promise<void> {
  if (!a.meeting) return
  try {
    await credit(deps.db, deps.now(), {
      communityId: a.communityId,
      userId,
      kind: 'council_participation',
      quantity: 1,
      key: `council:meeting:${a._id}:${userId}`,
      reason: `参加${MEETING_KIND_LABELS[a.meeting.kind]}：${a.title}`,
      cause: { type: 'activity', id: a._id },
      byUserId: null,
    })
  } catch (err) {
    // No budget (or too busy) must not undo the check-in: the person is checked in all the same. The key
    // makes any later payment of this attendance a no-op if this one did get through.
    console.error('meeting attendance points not paid', a._id, userId, err)
  }
}

/** The timeline entry a meeting's minutes leave on a topic it discussed (its stage unchanged). */
export function minutesEntry(topic: Pick<Topic, 'status'>, a: Pick<Activity, 'title' | 'meeting'>, byId: string, at: Date): TimelineEntry {
  const kind = a.meeting ? MEETING_KIND_LABELS[a.meeting.kind] : '议事会议'
  const text = `${kind}「${a.title}」纪要：${a.meeting?.minutes ?? ''}`
  return { at, event: 'meeting', byId, from: topic.status, to: topic.status, note: Array.from(text).slice(0, 500).join('') }
}

/**
 * Adds the minutes to each topic's timeline (one update per topic: timelines are appended to, never
 * rewritten). Returns the topics as they now are.
 */
export async function attachMinutes(deps: Pick<Deps, 'db' | 'now'>, a: Activity, topics: Topic[], byId: string): Promise<Topic[]> {
  const _ = deps.db.command
  const now = deps.now()
  return Promise.all(
    topics.map(async (t) => {
      const entry = minutesEntry(t, a, byId, now)
      await deps.db
        .collection(K.topics)
        .doc(t._id)
        .update({ data: { timeline: _.push(entry), updatedAt: now } })
      return { ...t, timeline: [...t.timeline, entry], updatedAt: now }
    }),
  )
}

const iso = (d: Date | string) => new Date(d).toISOString()

/** Meetings as anyone logged in sees them (one read of the topics they discuss, for all). */
export async function meetingViews(deps: Pick<Deps, 'db' | 'now'>, list: Activity[]): Promise<MeetingView[]> {
  const topics = await getMany<Topic>(
    deps.db,
    K.topics,
    list.flatMap((a) => a.meeting?.topicIds ?? []),
  )
  const now = deps.now()
  return list.map((a) => {
    const m = a.meeting!
    return {
      id: a._id,
      councilId: m.councilId,
      kind: m.kind,
      title: a.title,
      place: a.place,
      startAt: iso(a.startAt),
      endAt: iso(a.endAt),
      capacity: a.capacity,
      signedUp: a.signedUp,
      topics: m.topicIds
        .map((id) => topics.get(id))
        .filter((t): t is Topic => !!t)
        .map((t) => ({ id: t._id, title: t.title, status: t.status })),
      minutes: m.minutes,
      status: a.status === 'cancelled' ? 'cancelled' : new Date(a.endAt) < now ? 'finished' : 'published',
    }
  })
}
