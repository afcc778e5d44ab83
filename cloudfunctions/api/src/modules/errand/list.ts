/**
 * errand.list — the errand lists, newest first except the staff's queue:
 *   mine  — the resident's own errands (whoever entered them);
 *   open  — staff: the errands nobody has taken yet, oldest first (首问负责: whoever takes one owns it). Community
 *           staff (secretary, grid workers) see them all; a provider of a 社区代办 service sees that service's;
 *   owned — the errands the caller owns now;
 *   all   — the secretary: every errand of the community.
 * Each list is one indexed range on `errands` (community_resident_id, community_status_id, community_owner_id,
 * community_id), paged by the time-ordered `_id`.
 * Outcomes: a page of errands; FORBIDDEN for a list the caller may not see.
 */
import { ErrandListInput, type Service } from '../../../../../types/services'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { forbidden, notFound } from '../../platform/errors'
import { getCommunity } from '../org/repo'
import { errandPageOf, errandServices, errandViews, isCommunityStaff, isSecretaryOf, providesService } from '../service/errands'
import { mayList } from '../service/errandRules'

async function list(ctx: UserCtx, input: ActionInput<'errand.list'>) {
  const { db, user } = ctx
  const community = await getCommunity(db, input.communityId)
  if (!community) throw notFound('社区')
  const staff = isCommunityStaff(user, community)
  const secretary = isSecretaryOf(user, community)
  const provided: Service[] = []
  if (!staff && (input.view === 'open' || input.view === 'owned'))
    for (const s of await errandServices(db, community._id)) if (await providesService(db, user, s)) provided.push(s)
  if (!mayList(input.view, { staff, secretary, provider: provided.length > 0 }))
    throw forbidden(input.view === 'all' ? '只有社区书记可以查看全部代办' : '只有办理代办的工作人员可以查看')
  const limit = input.limit ?? 20
  const c = community._id
  const _ = db.command
  const { items, nextCursor } =
    input.view === 'mine'
      ? await errandPageOf(db, { communityId: c, residentId: user._id }, input.cursor, limit, 'desc')
      : input.view === 'owned'
        ? await errandPageOf(db, { communityId: c, ownerId: user._id }, input.cursor, limit, 'desc')
        : input.view === 'all'
          ? await errandPageOf(db, { communityId: c }, input.cursor, limit, 'desc')
          : await errandPageOf(
              db,
              staff ? { communityId: c, status: 'submitted' } : { communityId: c, status: 'submitted', serviceId: _.in(provided.map((s) => s._id)) },
              input.cursor,
              limit,
              'asc',
            )
  return { items: await errandViews(db, items, user, community), nextCursor }
}

export default defineAction({ name: 'errand.list', input: ErrandListInput, access: member, writes: false, handler: list })
