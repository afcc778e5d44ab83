/**
 * Support for party.record and party.report (活动记录卡, 双报告): one member's outcomes in one community — not
 * headcounts: pledge, posts, pair visits, activities with confirmed hours, wishes fulfilled with residents'
 * ratings.
 */
import type { User } from '../../../../../types/org'
import type { Activity, MemberRecord, Pair, Post, Registration, Signup, Visit } from '../../../../../types/party'
import type { Wish } from '../../../../../types/wish'
import { chinaYear } from '../../platform/chinaTime'
import { findMany, readAll, type Db } from '../../platform/db'
import { getMany } from '../org/repo'
import { PT } from './repo'
import { registrationView } from './views'

/** Whether a moment falls in `year` (null: any year) on the Chinese calendar: 12-31 20:00 UTC is already next year. */
const inYear = (d: Date | null, year: number | null) => !!d && (year === null || chinaYear(new Date(d)) === year)

/**
 * One member's outcomes in one community. `own`: the member themselves sees their registrations in every
 * community; anyone else (the secretary) sees only this community's. `views: false` skips the registration
 * views (the yearly report does not show them).
 */
export async function recordOf(db: Db, user: User, communityId: string, year: number | null, opts: { own: boolean; views: boolean }): Promise<MemberRecord> {
  const [allRegs, posts, pairs, signups, wishes, visitLog] = await Promise.all([
    findMany<Registration>(db, PT.registrations, { userId: user._id }, { limit: 50 }),
    findMany<Post>(db, PT.posts, { communityId, holders: user._id }, { limit: 100 }),
    findMany<Pair>(db, PT.pairs, { memberId: user._id, communityId }, { limit: 100 }),
    readAll<Signup>(db, PT.signups, { userId: user._id, communityId }, 2000),
    readAll<Wish>(db, 'wishes', { communityId, claimerId: user._id }, 2000),
    readAll<Visit>(db, PT.visits, { memberId: user._id, communityId }, 5000),
  ])
  const regs = opts.own ? allRegs : allRegs.filter((r) => r.communityId === communityId)
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
  const done = wishes.filter((w) => (w.status === 'closed' || w.status === 'fulfilled') && inYear(w.fulfilledAt, year))
  const rated = done.filter((w) => w.rating)
  const current = regs.find((r) => r.activeKey === user._id && r.communityId === communityId)
  const visits = visitLog.filter((v) => inYear(v.at, year)).length
  return {
    userId: user._id,
    name: user.realName || user.nickname,
    year,
    registrations: opts.views ? await Promise.all(regs.map((r) => registrationView(db, r))) : [],
    posts: posts.map((p) => p.title),
    pairs: pairs.filter((p) => p.active).length,
    visits,
    activities,
    totalHours: activities.reduce((n, a) => n + (a.confirmedHours ?? 0), 0),
    wishesFulfilled: done.length,
    averageRating: rated.length ? Math.round((rated.reduce((n, w) => n + w.rating!.stars, 0) / rated.length) * 10) / 10 : null,
    pledgeKept: current ? current.pledge.done : null,
  }
}
