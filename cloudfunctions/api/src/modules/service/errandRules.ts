/**
 * Pure rules of 代办 errands (no I/O: the commands, the views and the tests use these same tables).
 *
 *   submitted ─accept (first staff member to take it owns it: 首问负责)→ accepted ─progress→ in_progress ─done→ done
 *   accepted | in_progress ─handover (owner, or the secretary)→ the same status, another owner
 *   accepted | in_progress ─toRequest (owner)→ done, linked to the request it became
 *
 * Who is who for an errand: the resident it is for, who entered it (themself, a building head, staff at the
 * counter), its owner, its staff (the community's secretary and grid workers, and the providers of its service),
 * the community's own staff among them (secretary, street admin, grid workers: they may enter requests for
 * residents, so only they turn an errand into one) and the secretary. Anyone else does not see it (NOT_FOUND).
 */
import type { Errand, ErrandStatus, ErrandView } from '../../../../../types/services'

export type ErrandStep = 'accept' | 'progress' | 'done' | 'handover' | 'toRequest'
export type ErrandRelation = 'resident' | 'enteredBy' | 'owner' | 'staff' | 'secretary' | 'communityStaff'
export type ErrandEvent = 'submit' | ErrandStep

export const ERRAND_STEPS: Record<ErrandStep, { from: readonly ErrandStatus[]; to: ErrandStatus | null; who: readonly ErrandRelation[] }> = {
  accept: { from: ['submitted'], to: 'accepted', who: ['staff'] },
  progress: { from: ['accepted', 'in_progress'], to: 'in_progress', who: ['owner'] },
  done: { from: ['accepted', 'in_progress'], to: 'done', who: ['owner'] },
  // The status stays; only the owner changes.
  handover: { from: ['accepted', 'in_progress'], to: null, who: ['owner', 'secretary'] },
  toRequest: { from: ['accepted', 'in_progress'], to: 'done', who: ['owner'] },
}

export const OPEN_ERRAND_STATUSES: readonly ErrandStatus[] = ['submitted', 'accepted', 'in_progress']

const WHO_WORDS: Record<ErrandStep, string> = {
  accept: '只有社区工作人员或本项服务的工作人员可以接办',
  progress: '只有接办人可以更新办理进度',
  done: '只有接办人可以办结',
  handover: '只有接办人或社区书记可以转交',
  toRequest: '只有接办人可以转为诉求',
}
const STATE_WORDS: Record<ErrandStep, string> = {
  accept: '这件代办已经有人接办了，请刷新后再看',
  progress: '这件代办现在不能更新进度，请刷新后再看',
  done: '这件代办现在不能办结，请刷新后再看',
  handover: '这件代办现在不能转交，请刷新后再看',
  toRequest: '这件代办现在不能转为诉求，请刷新后再看',
}

export function errandRelations(
  errand: Pick<Errand, 'residentId' | 'enteredById' | 'ownerId'>,
  userId: string,
  is: { staff: boolean; secretary: boolean; communityStaff: boolean },
): Set<ErrandRelation> {
  const out = new Set<ErrandRelation>()
  if (errand.residentId === userId) out.add('resident')
  if (errand.enteredById === userId) out.add('enteredBy')
  if (errand.ownerId === userId) out.add('owner')
  if (is.staff) out.add('staff')
  if (is.secretary) out.add('secretary')
  if (is.communityStaff) out.add('communityStaff')
  return out
}

export interface Refusal {
  code: 'FORBIDDEN' | 'CONFLICT'
  reason?: 'STATE_CHANGED' | 'ALREADY_DONE'
  message: string
}

/** Why `step` may not be taken now by someone with `relations`, or null when it may. The person is checked first. */
export function errandRefusal(step: ErrandStep, errand: Pick<Errand, 'status' | 'requestId'>, relations: ReadonlySet<ErrandRelation>): Refusal | null {
  const rule = ERRAND_STEPS[step]
  if (!rule.who.some((r) => relations.has(r))) return { code: 'FORBIDDEN', message: WHO_WORDS[step] }
  if (step === 'toRequest' && !relations.has('communityStaff'))
    return { code: 'FORBIDDEN', message: '只有社区工作人员和网格员可以把代办转为诉求，请转交给他们' }
  if (step === 'toRequest' && errand.requestId) return { code: 'CONFLICT', reason: 'ALREADY_DONE', message: '这件代办已经转为诉求了' }
  if (!rule.from.includes(errand.status)) return { code: 'CONFLICT', reason: 'STATE_CHANGED', message: STATE_WORDS[step] }
  return null
}

/** What the caller may do now (the UI shows these buttons and nothing else). */
export function errandCan(errand: Pick<Errand, 'status' | 'requestId'>, relations: ReadonlySet<ErrandRelation>): ErrandView['can'] {
  const can: ErrandView['can'] = {}
  for (const step of Object.keys(ERRAND_STEPS) as ErrandStep[]) if (!errandRefusal(step, errand, relations)) can[step] = true
  return can
}

/** Time-ordered errand ids: 'e' + 9 base-36 time digits + 12 hex (lists page by `_id`). */
export const errandIdAt = (now: Date, hex: string) => 'e' + now.getTime().toString(36).padStart(9, '0') + hex.slice(0, 12)
export const ERRAND_ID = /^e[0-9a-z]{9}[0-9a-f]{12}$/

/** The lists of errand.list: who may ask for which. */
export function mayList(view: 'mine' | 'open' | 'owned' | 'all', is: { staff: boolean; secretary: boolean; provider: boolean }): boolean {
  if (view === 'mine') return true
  if (view === 'all') return is.secretary
  return is.staff || is.provider
}
