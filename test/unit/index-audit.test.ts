/**
 * The index audit (issue 15): an index that serves an ordered list must end in `_id`, so ties on its last
 * field are ordered by the index itself and a cursor (time, _id) resumes exactly where the last page ended;
 * without it the engine sorts every tie in memory and a deep page costs more than the first.
 *
 * The test cannot see which queries order by an index, so it judges by the index's shape: an index of two or
 * more fields whose last field is a time or a number (`…At`, `at`, `day`, `deadline`, `month`, `round`, …) is
 * one a list or a queue walks in order, and must be followed by `_id`. An index of that shape that is only
 * ever matched by equality or counted is named in ALLOWED with the reason; an index of an area whose fix is
 * another branch's (issue 15 is shared by three engineers) is named in PENDING with its owner, to be removed
 * when that branch lands its fix.
 */
import { readFileSync } from 'fs'
import { join } from 'path'

interface Manifest {
  collections: Record<string, { localOnly?: boolean; indexes: { name: string; keys: [string, 1 | -1][]; unique?: boolean }[] }>
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/api/database.json'), 'utf8')) as Manifest

/** A time or a number a list or a queue may be ordered by. */
const ORDERED_FIELD = /(At|^at|[dD]ay|deadline|[mM]onth|round|priority|[cC]ount|points)$/

/** Equality- or count-only indexes of that shape: `collection.index` → why no list walks it in order. */
const ALLOWED: Record<string, string> = {
  'outbox.touser_at': 'local only (never deployed): the dev outbox page and tests read a person’s last few messages',
}

/** Ordered-list indexes of other areas, fixed in their own branches (issue 15): `collection.index` → owner. */
const PENDING: Record<string, string> = {
  'wishes.status_opened': 'wish (s3-scale-wish): the auto-close timer walks open wishes by openedAt',
  'wishes.status_progress': 'wish (s3-scale-wish): the overdue reminder walks claimed wishes by lastProgressAt',
  'party_registrations.user_created': 'party (s3-scale-wish): a member’s registrations newest first',
  'party_visits.pair_at': 'party (s3-scale-wish): a pair’s visits newest first',
  'party_visits.member_at': 'party (s3-scale-wish): a member’s visits by time (report)',
  'activities.community_meeting_end': 'council (s3-scale-gov): a council’s meetings by endAt',
  'activities.status_start': 'party (s3-scale-wish): the reminder timer walks activities by startAt',
  'activity_signups.user_signed': 'party (s3-scale-wish): a person’s sign-ups newest first',
  'bookings.user_status_day': 'service (s3-scale-gov): a person’s live bookings by day',
}

const indexes = Object.entries(manifest.collections).flatMap(([collection, c]) =>
  c.indexes.map((ix) => ({ id: `${collection}.${ix.name}`, fields: ix.keys.map(([f]) => f) })),
)

test('every index serving an ordered list ends in _id (or is allowed with a reason, or pending in its owner’s branch)', () => {
  const violations = indexes
    .filter((ix) => ix.fields.length >= 2 && ix.fields[ix.fields.length - 1] !== '_id' && ORDERED_FIELD.test(ix.fields[ix.fields.length - 1]))
    .map((ix) => ix.id)
    .filter((id) => !(id in ALLOWED) && !(id in PENDING))
  expect(violations).toEqual([])
})

test('the allow and pending lists name only indexes that exist and still need naming', () => {
  const needing = new Set(
    indexes
      .filter((ix) => ix.fields.length >= 2 && ix.fields[ix.fields.length - 1] !== '_id' && ORDERED_FIELD.test(ix.fields[ix.fields.length - 1]))
      .map((ix) => ix.id),
  )
  // A fixed index leaves its entry behind: remove it, so the lists stay the true exceptions.
  expect(Object.keys({ ...ALLOWED, ...PENDING }).filter((id) => !needing.has(id))).toEqual([])
  for (const reason of Object.values({ ...ALLOWED, ...PENDING })) expect(reason.length).toBeGreaterThan(10)
})

test('the indexes of points, the supermarket and org that serve ordered lists end in _id', () => {
  // These are walked in order by their lists and jobs (statement, orders, my orders, audit log, undelivered
  // messages, members, the expiry and order-expiry queues, the counters).
  const mine = [
    'point_entries.account_id',
    'point_entries.community_at_id',
    'point_transfers.community_at_id',
    'point_accounts.kind_expiry_check_id',
    'point_counters.community_id',
    'mall_orders.user_community_created_id',
    'mall_orders.community_created_id',
    'mall_orders.community_status_created_id',
    'mall_orders.status_deadline_id',
    'mall_items.community_id',
    'audit_log.community_at_id',
    'audit_log.actor_at_id',
    'message_failures.community_at_id',
    'users.roles_community_id',
    'users.household_queue',
  ]
  const byId = new Map(indexes.map((ix) => [ix.id, ix.fields]))
  for (const id of mine) expect({ id, last: byId.get(id)?.at(-1) }).toEqual({ id, last: '_id' })
})
