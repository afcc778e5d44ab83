/**
 * Projections of requests: cards for queues, lists and the board (with the clock's colour computed now from
 * the deadline, never stored), and the detail with its flow and `can` from the rules table. Names are masked in
 * every list; the reporter's full name and phone go only to who handles the request and the secretary (and the
 * reporter). Photos the image check flagged after the fact are shown to the secretary only.
 */
import type { Building, Compound, User } from '../../../../../types/org'
import type { ClockView, Request, RequestCard, RequestDetail, RequestSettings, Unit } from '../../../../../types/requests'
import type { Db } from '../../platform/db'
import type { UserCtx } from '../../platform/context'
import { C, getMany } from '../org/repo'
import { listName, maskName } from '../org/rules'
import { relationsFor, summaryOf, type LoadedRequest } from './core'
import { RQ, settingsOfMany } from './repo'
import { canMoveRequest, clockStage, colourAt, seesReporter, type RequestMove, type RequestRelation } from './rules'

const iso = (d: Date | string) => new Date(d).toISOString()
const MINUTE = 60_000

/** The clock now: the colour from the deadline of the current stage and the community's yellow share. */
export function clockOf(r: Request, yellowShare: number, now: Date): ClockView {
  const { stage } = clockStage(r)
  const due = r.open && r.dueAt ? new Date(r.dueAt) : null
  if (!stage || !due) return { colour: 'none', stage: null, deadline: null, minutesLeft: null }
  return {
    colour: colourAt(r, yellowShare, now),
    stage,
    deadline: iso(due),
    minutesLeft: Math.floor((due.getTime() - now.getTime()) / MINUTE),
  }
}

/** Everything cards need, read in a few queries by id for the whole page. */
async function lookups(db: Db, requests: Request[], settings?: Map<string, RequestSettings>) {
  const unitIds = requests.flatMap((r) => [...(r.assignee?.kind === 'unit' ? [r.assignee.unitId] : []), ...(r.escalation ? [r.escalation.unitId] : [])])
  const [people, units, buildings, byCommunity] = await Promise.all([
    getMany<User>(
      db,
      C.users,
      requests.flatMap((r) => (r.assignee?.kind === 'worker' ? [r.assignee.userId] : [])),
    ),
    getMany<Unit>(db, RQ.units, unitIds),
    getMany<Building>(
      db,
      C.buildings,
      requests.flatMap((r) => (r.buildingId ? [r.buildingId] : [])),
    ),
    settings ?? settingsOfMany(db, [...new Set(requests.map((r) => r.communityId))]),
  ])
  const compounds = await getMany<Compound>(
    db,
    C.compounds,
    [...buildings.values()].map((b) => b.compoundId),
  )
  return { people, units, buildings, compounds, settings: byCommunity }
}

type Lookups = Awaited<ReturnType<typeof lookups>>

function holderWords(r: Request, l: Lookups): string | null {
  if (r.status === 'escalated' && r.escalation) return l.units.get(r.escalation.unitId)?.name ?? '街道科室'
  const a = r.assignee
  if (!a) return null
  if (a.kind === 'worker') {
    const u = l.people.get(a.userId)
    return `网格员 ${u ? listName(u) : ''}`.trim()
  }
  if (a.kind === 'unit') return l.units.get(a.unitId)?.name ?? '责任单位'
  return '社区书记'
}

function placeOf(r: Request, l: Lookups): string | null {
  const b = r.buildingId ? l.buildings.get(r.buildingId) : undefined
  const where = b ? `${l.compounds.get(b.compoundId)?.name ?? ''} ${b.name}`.trim() : ''
  const text = [where, r.location ?? ''].filter(Boolean).join(' ')
  return text || null
}

function cardOf(r: Request, l: Lookups, now: Date): RequestCard {
  return {
    id: r._id,
    communityId: r.communityId,
    category: r.category,
    urgency: r.urgency,
    status: r.status,
    summary: summaryOf(r.description),
    place: placeOf(r, l),
    holder: holderWords(r, l),
    clock: clockOf(r, l.settings.get(r.communityId)?.yellowShare ?? 0.7, now),
    createdAt: iso(r.createdAt),
  }
}

export async function cards(db: Db, requests: Request[], now: Date): Promise<RequestCard[]> {
  if (!requests.length) return []
  const l = await lookups(db, requests)
  return requests.map((r) => cardOf(r, l, now))
}

const CAN: readonly (RequestMove & keyof RequestDetail['can'])[] = [
  'accept',
  'progress',
  'resolve',
  'confirm',
  'reopen',
  'reassign',
  'escalate',
  'unitAccept',
  'convert',
  'cancel',
]

export async function detail(db: Db, r: Request, relations: ReadonlySet<RequestRelation>, settings: RequestSettings, now: Date): Promise<RequestDetail> {
  const l = await lookups(db, [r], new Map([[r.communityId, settings]]))
  const card = cardOf(r, l, now)
  const people = await getMany<User>(db, C.users, [r.reporterId, ...r.flow.map((f) => f.byId).filter((x): x is string => !!x)])
  const reporter = people.get(r.reporterId)
  const full = seesReporter(relations)
  const secretary = relations.has('secretary')
  const visible = (photos: string[]) => (secretary ? photos : photos.filter((p) => !r.hiddenPhotos.includes(p)))
  const can: RequestDetail['can'] = {}
  for (const m of CAN) can[m] = canMoveRequest(m, r.status, relations)
  return {
    ...card,
    description: r.description,
    photos: visible(r.photos),
    channel: r.channel,
    reporter: {
      name: full ? reporter?.realName || reporter?.nickname || '' : reporter ? listName(reporter) : maskName(''),
      phone: full ? (reporter?.phone ?? null) : null,
    },
    proof: r.proof ? { text: r.proof.text, photos: visible(r.proof.photos), at: iso(r.proof.at) } : null,
    rating: r.rating ? { stars: r.rating.stars, comment: r.rating.comment } : null,
    answer: r.answer,
    adopted: r.adopted,
    escalation: r.escalation
      ? {
          unitName: l.units.get(r.escalation.unitId)?.name ?? '街道科室',
          reason: r.escalation.reason,
          at: iso(r.escalation.at),
          acceptBy: iso(r.escalation.acceptBy),
          acceptedAt: r.escalation.acceptedAt ? iso(r.escalation.acceptedAt) : null,
        }
      : null,
    reopened: r.reopened,
    wishId: r.wishId,
    ...(r.errandId ? { errandId: r.errandId } : {}),
    topicId: r.topicId,
    flow: r.flow.map((f) => {
      const by = f.byId ? people.get(f.byId) : undefined
      return {
        at: iso(f.at),
        event: f.event,
        to: f.to,
        note: f.note,
        photos: visible(f.photos ?? []),
        byName: f.byId ? (by ? listName(by) : null) : '系统',
      }
    }),
    can,
  }
}

/** The detail as the caller now sees it after a move (relations recomputed: an accept makes the caller the holder). */
export const detailAfter = (ctx: UserCtx, loaded: LoadedRequest, after: Request) =>
  detail(ctx.db, after, relationsFor(after, ctx.user, loaded.community), loaded.settings, ctx.now())
