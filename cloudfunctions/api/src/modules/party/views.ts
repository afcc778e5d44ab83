/**
 * Projections: what of the party area leaves the function. Never a raw document, never an openid, never an
 * activity's check-in secret; names masked wherever the reader is not the person or their secretary.
 */
import type { Building, Household, User } from '../../../../../types/org'
import {
  REG_STATUS_LABELS,
  type Activity,
  type ActivityDetail,
  type ActivityView,
  type Pair,
  type PairView,
  type Post,
  type PostView,
  type Registration,
  type RegistrationView,
  type Signup,
} from '../../../../../types/party'
import type { UserCtx } from '../../platform/context'
import { getById, readAll, type Db } from '../../platform/db'
import { C, getCommunity, getMany } from '../org/repo'
import { listName, maskName } from '../org/rules'
import { isSecretaryHere } from './activities'
import { PT } from './repo'
import { verifiedRegistration } from './verified'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
const nameOf = (people: Map<string, User>, id: string) => listName(people.get(id) ?? { realName: null, nickname: '' })

export async function registrationView(db: Db, r: Registration, masked = false): Promise<RegistrationView> {
  const [community, compound, building] = await Promise.all([
    getCommunity(db, r.communityId),
    r.homeLabel === undefined ? getById<{ _id: string; name: string }>(db, C.compounds, r.homeCompoundId) : null,
    r.homeLabel === undefined ? getById<Building>(db, C.buildings, r.homeBuildingId) : null,
  ])
  return regView(r, community?.name ?? '', homeOf(r, compound?.name, building?.name), masked)
}

/** The home of a registration: its label, or (registered before labels) the names of its places read now. */
const homeOf = (r: Registration, compound: string | undefined, building: string | undefined) => r.homeLabel ?? `${compound ?? ''} ${building ?? ''}`.trim()

/**
 * The views of a page of registrations: their communities, and the places of those registered before home
 * labels, read once for the page (three round trips at most, whatever its length: one `in` per collection),
 * names masked as `masked(r)` says. `known`: communities the caller already read (the router's
 * ctx.community) are not read again, so a page of one community's labelled registrations costs none.
 */
export async function registrationViews(
  db: Db,
  regs: Registration[],
  masked: (r: Registration) => boolean,
  known: { _id: string; name: string }[] = [],
): Promise<RegistrationView[]> {
  const have = new Map(known.map((c) => [c._id, c]))
  const missing = regs.map((r) => r.communityId).filter((id) => !have.has(id))
  const unlabelled = regs.filter((r) => r.homeLabel === undefined)
  const [read, compounds, buildings] = await Promise.all([
    missing.length ? getMany<{ _id: string; name: string }>(db, C.communities, missing) : new Map<string, { _id: string; name: string }>(),
    getMany<{ _id: string; name: string }>(
      db,
      C.compounds,
      unlabelled.map((r) => r.homeCompoundId),
    ),
    getMany<Building>(
      db,
      C.buildings,
      unlabelled.map((r) => r.homeBuildingId),
    ),
  ])
  const communities = new Map([...have, ...read])
  return regs.map((r) =>
    regView(r, communities.get(r.communityId)?.name ?? '', homeOf(r, compounds.get(r.homeCompoundId)?.name, buildings.get(r.homeBuildingId)?.name), masked(r)),
  )
}

function regView(r: Registration, communityName: string, home: string, masked: boolean): RegistrationView {
  return {
    id: r._id,
    userId: r.userId,
    communityId: r.communityId,
    communityName,
    name: masked ? maskName(r.name) : r.name,
    employerName: r.employerName,
    branch: r.branch,
    memberType: r.memberType,
    home,
    skills: r.skills,
    pledge: { text: r.pledge.text, done: r.pledge.done, doneAt: iso(r.pledge.doneAt), doneNote: r.pledge.doneNote },
    status: r.status,
    statusLabel: REG_STATUS_LABELS[r.status],
    rejectReason: r.rejectReason,
    createdAt: new Date(r.createdAt).toISOString(),
  }
}

/** Posts as the caller sees them: holders by list name, which of the post's skills the caller has. */
export async function postViews(ctx: UserCtx, posts: Post[]): Promise<PostView[]> {
  const communityId = posts[0]?.communityId
  const [people, reg] = await Promise.all([
    getMany<User>(
      ctx.db,
      C.users,
      posts.flatMap((p) => p.holders),
    ),
    communityId ? verifiedRegistration(ctx.db, ctx.user._id, communityId) : null,
  ])
  const skills = new Set(reg?.skills ?? [])
  return posts.map((p) => ({
    id: p._id,
    title: p.title,
    description: p.description,
    skills: p.skills,
    capacity: p.capacity,
    holders: p.holders.map((id) => ({ userId: id, name: nameOf(people, id) })),
    mine: p.holders.includes(ctx.user._id),
    mySkills: p.skills.filter((s) => skills.has(s)),
    active: p.active,
  }))
}

/** The post as it is now (after a change), as the caller sees it. */
export async function postView(ctx: UserCtx, postId: string): Promise<PostView> {
  return (await postViews(ctx, [(await getById<Post>(ctx.db, PT.posts, postId))!]))[0]
}

/** Pairs with the household's needs: only for the secretary and the paired member (the callers check). */
/**
 * The views of a set of pairs: people, households, their compounds and buildings, and the residents of those
 * households read once for the set (six round trips however many pairs; a member pairs with 5–15 households).
 */
export async function pairViews(ctx: UserCtx, pairs: Pair[]): Promise<PairView[]> {
  const _ = ctx.db.command
  const householdIds = [...new Set(pairs.map((p) => p.householdId))]
  const [members, households, residents] = await Promise.all([
    getMany<User>(
      ctx.db,
      C.users,
      pairs.map((p) => p.memberId),
    ),
    getMany<Household>(ctx.db, C.households, householdIds),
    householdIds.length ? readAll<User>(ctx.db, C.users, { householdId: _.in(householdIds), householdStatus: 'verified' }, 20 * householdIds.length) : [],
  ])
  const [compounds, buildings] = await Promise.all([
    getMany<{ _id: string; name: string }>(
      ctx.db,
      C.compounds,
      [...households.values()].map((h) => h.compoundId),
    ),
    getMany<{ _id: string; name: string }>(
      ctx.db,
      C.buildings,
      [...households.values()].map((h) => h.buildingId),
    ),
  ])
  return pairs.map((p) => {
    const h = households.get(p.householdId)!
    return {
      householdId: p.householdId,
      household: `${compounds.get(h.compoundId)?.name ?? ''} ${buildings.get(h.buildingId)?.name ?? ''} ${h.unit}单元 ${h.room}`.trim(),
      residents: residents.filter((r) => r.householdId === p.householdId).map((r) => r.realName || r.nickname),
      needs: p.needs,
      since: new Date(p.since).toISOString(),
      visits: p.visits,
      lastVisitAt: iso(p.lastVisitAt),
      memberId: p.memberId,
      memberName: nameOf(members, p.memberId),
    }
  })
}

export async function activityViews(ctx: UserCtx, list: Activity[]): Promise<ActivityView[]> {
  const [organisers, signups] = await Promise.all([
    getMany<User>(
      ctx.db,
      C.users,
      list.map((a) => a.organiserId),
    ),
    getMany<Signup>(
      ctx.db,
      PT.signups,
      list.map((a) => `${a._id}_${ctx.user._id}`),
    ),
  ])
  // whether the caller is the secretary, once per community on the page (a page is one community's)
  const secretaryOf = new Map<string, Promise<boolean>>()
  const secretaryHere = (a: Activity) => secretaryOf.get(a.communityId) ?? secretaryOf.set(a.communityId, isSecretaryHere(ctx, a)).get(a.communityId)!
  return Promise.all(
    list.map(async (a) => {
      const s = signups.get(`${a._id}_${ctx.user._id}`)
      return {
        id: a._id,
        title: a.title,
        description: a.description,
        place: a.place,
        startAt: iso(a.startAt)!,
        endAt: iso(a.endAt)!,
        capacity: a.capacity,
        signedUp: a.signedUp,
        pointsPerHour: a.pointsPerHour,
        status: a.status,
        organiserName: nameOf(organisers, a.organiserId),
        hasLocation: !!a.location,
        mySignup:
          s && s.status !== 'withdrawn'
            ? { status: s.status, checkinAt: iso(s.checkinAt), checkoutAt: iso(s.checkoutAt), hours: s.hours, confirmedHours: s.confirmedHours }
            : null,
        isOrganiser: a.organiserId === ctx.user._id || (await secretaryHere(a)),
      }
    }),
  )
}

/** The activity as it is now (after a change), as the caller sees it. */
export async function activityView(ctx: UserCtx, activityId: string): Promise<ActivityView> {
  return (await activityViews(ctx, [(await getById<Activity>(ctx.db, PT.activities, activityId))!]))[0]
}

/** One activity in full; its organiser also sees the roster, the post and the place's location. */
export async function activityDetail(ctx: UserCtx, a: Activity): Promise<ActivityDetail> {
  const [view] = await activityViews(ctx, [a])
  let roster: ActivityDetail['roster'] = null
  if (view.isOrganiser) {
    // Everyone who signed up (capacity is at most 5,000), paged by _id so nobody is skipped or repeated.
    const all = (await readAll<Signup>(ctx.db, PT.signups, { activityId: a._id }, 5000)).filter((s) => s.status !== 'withdrawn')
    const people = await getMany<User>(
      ctx.db,
      C.users,
      all.map((s) => s.userId),
    )
    roster = all.map((s) => ({ userId: s.userId, name: nameOf(people, s.userId), status: s.status, hours: s.hours, confirmedHours: s.confirmedHours }))
  }
  return { ...view, postId: view.isOrganiser ? a.postId : null, location: view.isOrganiser ? a.location : null, roster }
}
