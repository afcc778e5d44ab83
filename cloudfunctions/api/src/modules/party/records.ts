/**
 * Support for party.record (活动记录卡): one member's outcomes in one community — not headcounts: pledge,
 * posts, pair visits, activities with confirmed hours, wishes fulfilled with residents' ratings. The wishes and
 * visits are counted in the database (one indexed aggregation, one indexed count), never read one by one; the
 * activities are listed (the card shows each), bounded by readAll. party.report counts the same figures for a
 * page of members at once (report.ts).
 */
import type { Community } from '../../../../../types/org'
import type { Activity, MemberRecord, Pair, Post, Registration, Signup } from '../../../../../types/party'
import { chinaDayStart, chinaYear } from '../../platform/chinaTime'
import { findMany, readAll, type Db } from '../../platform/db'
import { getMany } from '../org/repo'
import { PT } from './repo'
import { registrationViews } from './views'

/** Whether a moment falls in `year` (null: any year) on the Chinese calendar: 12-31 20:00 UTC is already next year. */
const inYear = (d: Date | null, year: number | null) => !!d && (year === null || chinaYear(new Date(d)) === year)

/**
 * One member's outcomes in one community. `regs`: the registrations the reader may see (the caller read them:
 * the member's own in every community, or the secretary's community's only). `views: false` skips the
 * registration views; `known`: communities already read (the views reuse them). Six reads in parallel, one
 * of the activities, and the views' places (views.ts).
 */
export async function recordOf(
  db: Db,
  user: { _id: string; name: string },
  communityId: string,
  year: number | null,
  opts: { regs: Registration[]; views: boolean; known?: Community[] },
): Promise<MemberRecord> {
  const _ = db.command
  const $ = _.aggregate
  const during = year === null ? {} : { at: _.gte(chinaDayStart(`${year}-01-01`)).and(_.lt(chinaDayStart(`${year + 1}-01-01`))) }
  const [posts, pairs, signups, wishAgg, visitCount] = await Promise.all([
    findMany<Post>(db, PT.posts, { communityId, holders: user._id }, { limit: 100 }),
    findMany<Pair>(db, PT.pairs, { memberId: user._id, communityId }, { limit: 100 }),
    readAll<Signup>(db, PT.signups, { userId: user._id, communityId }, 2000),
    // wishes fulfilled (closed, or awaiting the wisher's confirmation) in the year, with their stars
    db
      .collection('wishes')
      .aggregate()
      // the status in a second stage, so the first is served by the claimer index (community_claimer_id)
      .match({ communityId, claimerId: user._id, ...(during.at ? { fulfilledAt: during.at } : {}) })
      .match({ status: _.in(['fulfilled', 'closed']) })
      .group({ _id: null, n: $.sum(1), stars: $.sum($.ifNull(['$rating.stars', 0])), rated: $.sum($.cond([$.gt([$.ifNull(['$rating.stars', 0]), 0]), 1, 0])) })
      .end() as Promise<{ list: { n: number; stars: number; rated: number }[] }>,
    db
      .collection(PT.visits)
      .where({ memberId: user._id, communityId, ...during })
      .count() as Promise<{ total: number }>,
  ])
  const regs = opts.regs
  const acts = await getMany<Activity>(
    db,
    PT.activities,
    signups.map((s) => s.activityId),
  )
  const activities = signups
    .filter((s) => s.status !== 'withdrawn')
    .map((s) => ({ s, a: acts.get(s.activityId) }))
    .filter((x): x is { s: Signup; a: Activity } => !!x.a && inYear(x.a.startAt, year))
    .map(({ s, a }) => ({
      id: a._id,
      title: a.title,
      startAt: new Date(a.startAt).toISOString(),
      hours: s.hours,
      confirmedHours: s.confirmedHours,
      status: s.status,
    }))
  const wishes = wishAgg.list[0] ?? { n: 0, stars: 0, rated: 0 }
  const current = regs.find((r) => r.activeKey === user._id && r.communityId === communityId)
  const visits = visitCount.total
  return {
    userId: user._id,
    name: user.name,
    year,
    registrations: opts.views ? await registrationViews(db, regs, () => false, opts.known) : [],
    posts: posts.map((p) => p.title),
    pairs: pairs.filter((p) => p.active).length,
    visits,
    activities,
    totalHours: activities.reduce((n, a) => n + (a.confirmedHours ?? 0), 0),
    wishesFulfilled: wishes.n,
    averageRating: wishes.rated ? Math.round((wishes.stars / wishes.rated) * 10) / 10 : null,
    pledgeKept: current ? current.pledge.done : null,
  }
}
