/**
 * org.setResidency — the secretary records what they verified from a document seen in person (no image is
 * kept): a person's birth year (youth councils read only this `verifiedBirthYear`, never the self-declared
 * `birthYear`) and a residence permit 居住证 for this community with its expiry day (migrants take part in
 * councils with it). A field left out keeps its value; null clears it. The change and its audit entry
 * (resource user, masked name; fields birthYear / permitExpiresOn) are one transaction.
 *
 * Who may be recorded: a person who belongs to the community (org/belongs.ts: a verified household here or an
 * approved 双报到 registration), or whose declared household is here and still waits for confirmation — a
 * newcomer renting here is exactly whom a residence permit is for.
 *
 * Outcomes: ResidencyView (the permit only when it is this community's); NOT_FOUND for an unknown person or
 * one with no tie to this community; INVALID_INPUT when neither field is given, for a birth year in the
 * future, a day that does not exist or a permit that has already expired.
 */
import { SetResidencyInput, type ResidencyView } from '../../../../../types/council'
import type { User } from '../../../../../types/org'
import { defineAction, SECRETARY, type ActionInput } from '../../platform/action'
import { recordIn } from '../../platform/audit'
import { chinaDay, chinaYear, isChinaDay } from '../../platform/chinaTime'
import type { UserCtx } from '../../platform/context'
import { runTx, txGet } from '../../platform/db'
import { invalid, notFound } from '../../platform/errors'
import { belongsTo } from './belongs'
import { C, getCommunity, getUser } from './repo'
import { listName } from './rules'

/** What the person's residency looks like to this community. */
export function residencyView(u: Pick<User, '_id' | 'verifiedBirthYear' | 'residencePermit'>, communityId: string): ResidencyView {
  const permit = u.residencePermit && u.residencePermit.communityId === communityId ? u.residencePermit : null
  return { userId: u._id, birthYear: u.verifiedBirthYear ?? null, permitExpiresOn: permit?.expiresOn ?? null }
}

async function setResidency(ctx: UserCtx, input: ActionInput<'org.setResidency'>): Promise<ResidencyView> {
  const { db } = ctx
  const now = ctx.now()
  if (input.birthYear === undefined && input.permitExpiresOn === undefined) throw invalid('请填写出生年份或居住证有效期')
  if (input.birthYear != null && input.birthYear > chinaYear(now)) throw invalid('出生年份不能晚于今年')
  if (input.permitExpiresOn != null) {
    if (!isChinaDay(input.permitExpiresOn)) throw invalid('居住证有效期不是有效的日期')
    if (input.permitExpiresOn < chinaDay(now)) throw invalid('这张居住证已经过期，不能登记；如需清除请选择“无居住证”')
  }
  const [community, person] = await Promise.all([getCommunity(db, input.communityId), getUser(db, input.userId)])
  if (!community) throw notFound('社区')
  if (!person || !(person.communityId === community._id || (await belongsTo(db, person, community._id)))) throw notFound('这位居民')

  const _ = db.command
  let after = person
  await runTx(db, async (tx) => {
    const current = (await txGet<User>(tx, C.users, person._id)) ?? person
    const data: Record<string, unknown> = { updatedAt: now }
    const next: User = { ...current }
    if (input.birthYear !== undefined) next.verifiedBirthYear = data.verifiedBirthYear = input.birthYear
    if (input.permitExpiresOn !== undefined) {
      const mine = current.residencePermit?.communityId === community._id
      if (input.permitExpiresOn !== null) {
        next.residencePermit = { communityId: community._id, expiresOn: input.permitExpiresOn, recordedById: ctx.user._id, at: now }
        data.residencePermit = _.set(next.residencePermit)
      } else if (mine) {
        // Another community's permit is that community's record: clearing here leaves it alone.
        next.residencePermit = null
        data.residencePermit = null
      }
    }
    await tx.collection(C.users).doc(person._id).update({ data })
    const before = residencyView(current, community._id)
    const now_ = residencyView(next, community._id)
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: 'user', id: person._id, label: listName(person) },
      before: { birthYear: before.birthYear, permitExpiresOn: before.permitExpiresOn },
      after: { birthYear: now_.birthYear, permitExpiresOn: now_.permitExpiresOn },
    })
    after = next
  })
  return residencyView(after, community._id)
}

export default defineAction({ name: 'org.setResidency', input: SetResidencyInput, access: SECRETARY, writes: true, handler: setResidency })
