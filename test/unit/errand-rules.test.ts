/**
 * The errand table (cloudfunctions/api/src/modules/service/errandRules.ts), every step from every status by
 * every relation: allowed, or refused FORBIDDEN (the person) before CONFLICT (the state); `can` agrees with the
 * refusals; ids are time-ordered; who may read which list.
 */
import { ERRAND_STATUSES } from '../../types/vocabulary'
import {
  ERRAND_ID,
  ERRAND_STEPS,
  errandCan,
  errandIdAt,
  errandRefusal,
  errandRelations,
  mayList,
  type ErrandRelation,
  type ErrandStep,
} from '../../cloudfunctions/api/src/modules/service/errandRules'

const STEPS = Object.keys(ERRAND_STEPS) as ErrandStep[]
const rel = (...r: ErrandRelation[]) => new Set<ErrandRelation>(r)
/** Who each step is for, as people stand in practice (the owner is staff; a grid worker is community staff). */
const PEOPLE: Record<string, Set<ErrandRelation>> = {
  resident: rel('resident'),
  enteredBy: rel('enteredBy'),
  provider: rel('staff'),
  gridWorker: rel('staff', 'communityStaff'),
  secretary: rel('staff', 'communityStaff', 'secretary'),
  providerOwner: rel('staff', 'owner'),
  gridOwner: rel('staff', 'communityStaff', 'owner'),
}

// [step, person, statuses where it is allowed]
const ALLOWED: [ErrandStep, string, string[]][] = [
  ['accept', 'provider', ['submitted']],
  ['accept', 'gridWorker', ['submitted']],
  ['accept', 'secretary', ['submitted']],
  // (staff who own another errand: the relation set is the table's, whatever the errand)
  ['accept', 'providerOwner', ['submitted']],
  ['accept', 'gridOwner', ['submitted']],
  ['progress', 'providerOwner', ['accepted', 'in_progress']],
  ['progress', 'gridOwner', ['accepted', 'in_progress']],
  ['done', 'providerOwner', ['accepted', 'in_progress']],
  ['done', 'gridOwner', ['accepted', 'in_progress']],
  ['handover', 'providerOwner', ['accepted', 'in_progress']],
  ['handover', 'gridOwner', ['accepted', 'in_progress']],
  ['handover', 'secretary', ['accepted', 'in_progress']],
  ['toRequest', 'gridOwner', ['accepted', 'in_progress']],
]

describe('every step from every status by every person', () => {
  for (const step of STEPS)
    for (const [who, relations] of Object.entries(PEOPLE))
      for (const status of ERRAND_STATUSES) {
        const allowedIn = ALLOWED.find(([s, p]) => s === step && p === who)?.[2] ?? []
        test(`${step} by ${who} when ${status}`, () => {
          const no = errandRefusal(step, { status, requestId: null }, relations)
          if (allowedIn.includes(status)) expect(no).toBeNull()
          else if (ALLOWED.some(([s, p]) => s === step && p === who)) expect(no).toMatchObject({ code: 'CONFLICT', reason: 'STATE_CHANGED' })
          else expect(no).toMatchObject({ code: 'FORBIDDEN' })
          expect(!!errandCan({ status, requestId: null }, relations)[step]).toBe(no === null)
        })
      }
})

test('an errand already turned into a request is not turned again (ALREADY_DONE), and a provider who owns it is told to hand it over', () => {
  expect(errandRefusal('toRequest', { status: 'in_progress', requestId: 'r1' }, PEOPLE.gridOwner)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' })
  expect(errandRefusal('toRequest', { status: 'in_progress', requestId: null }, PEOPLE.providerOwner)).toMatchObject({ code: 'FORBIDDEN' })
  expect(errandRefusal('toRequest', { status: 'in_progress', requestId: null }, PEOPLE.providerOwner)!.message).toContain('转交')
})

test('relations come from the errand and the person’s standing', () => {
  const e = { residentId: 'u1', enteredById: 'u2', ownerId: 'u3' }
  const none = { staff: false, secretary: false, communityStaff: false }
  expect([...errandRelations(e, 'u1', none)]).toEqual(['resident'])
  expect([...errandRelations(e, 'u2', none)]).toEqual(['enteredBy'])
  expect([...errandRelations(e, 'u3', { staff: true, secretary: false, communityStaff: true })].sort()).toEqual(['communityStaff', 'owner', 'staff'])
  expect(errandRelations(e, 'u9', none).size).toBe(0)
  expect(errandRelations({ ...e, residentId: 'u9', enteredById: 'u9' }, 'u9', none)).toEqual(rel('resident', 'enteredBy'))
})

test('who may read which list', () => {
  const as = (staff: boolean, secretary: boolean, provider: boolean) => ({ staff, secretary, provider })
  expect(['mine', 'open', 'owned', 'all'].map((v) => mayList(v as 'mine', as(false, false, false)))).toEqual([true, false, false, false])
  expect(['mine', 'open', 'owned', 'all'].map((v) => mayList(v as 'mine', as(false, false, true)))).toEqual([true, true, true, false])
  expect(['mine', 'open', 'owned', 'all'].map((v) => mayList(v as 'mine', as(true, false, false)))).toEqual([true, true, true, false])
  expect(['mine', 'open', 'owned', 'all'].map((v) => mayList(v as 'mine', as(true, true, false)))).toEqual([true, true, true, true])
})

test('errand ids are time-ordered and shaped for the cursor', () => {
  const a = errandIdAt(new Date('2026-12-01T00:00:00Z'), 'ffffffffffffffffffffffff')
  const b = errandIdAt(new Date('2026-12-01T00:00:00.001Z'), '000000000000000000000000')
  expect(a < b).toBe(true)
  expect(a).toMatch(ERRAND_ID)
  expect(b).toMatch(ERRAND_ID)
})
