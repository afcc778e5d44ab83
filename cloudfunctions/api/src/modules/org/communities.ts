/**
 * org.communities — the communities people can choose from, with their street. Outcome: CommunityView[].
 */
import { CommunitiesInput, type Community, type CommunityView, type Street } from '../../../../../types/org'
import { defineAction, user } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { C, getMany } from './repo'
import { communityView } from './views'

async function communities(ctx: UserCtx): Promise<CommunityView[]> {
  const list = await readAll<Community>(ctx.db, C.communities, {})
  const streets = await getMany<Street>(
    ctx.db,
    C.streets,
    list.map((c) => c.streetId),
  )
  return list.map((c) => communityView(c, streets.get(c.streetId)))
}

export default defineAction({ name: 'org.communities', input: CommunitiesInput, access: user, writes: false, handler: communities })
