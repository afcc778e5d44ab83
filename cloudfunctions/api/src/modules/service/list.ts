/**
 * service.list — the community's 服务菜单: active services (a secretary may ask for inactive ones too, `all`),
 * by category, newest first. `q` looks for words in a service's name, category and description; a search
 * that finds nothing is counted for the secretary (service_demand, this China month, with its words), so the
 * menu can follow what residents look for. A community's menu is small (tens of services): it is read whole
 * (readAll, bounded) on the index community_active_id and paged here by `_id`.
 * Each card says whether the caller provides it (`provided`: named among its providers, staff of its unit, a
 * holder of its post — core.ts isProvider, the posts of the page read in one go), so the menu can lead a
 * provider to the staff desk; with `provided: true` the list is only those services, active or not (the
 * secretary: every service), for the staff desk's rosters.
 * Outcomes: a page of cards; FORBIDDEN for `all` when the caller is not the secretary.
 */
import type { Page } from '../../../../../types/common'
import { ServiceListInput, type Service, type ServiceCard } from '../../../../../types/services'
import { SERVICE_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { forbidden, invalid } from '../../platform/errors'
import type { Post } from '../../../../../types/party'
import { getMany } from '../org/repo'
import { holdsRole } from '../org/rules'
import { PT } from '../party/repo'
import { countDemand, isProvider, loadCommunity } from './core'
import { K } from './repo'
import { serviceCard } from './views'

/** Does the service match every word of the search (name, category, description)? */
export function matches(s: Pick<Service, 'name' | 'category' | 'description'>, q: string): boolean {
  const text = `${s.name} ${SERVICE_CATEGORY_LABELS[s.category]} ${s.description}`.toLowerCase()
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w))
}

async function list(ctx: UserCtx, input: ActionInput<'service.list'>): Promise<Page<ServiceCard>> {
  const { db } = ctx
  const secretary = input.all || input.provided ? holdsRole(ctx.user, await loadCommunity(db, input.communityId), ['secretary', 'street_admin']) : false
  if (input.all && !secretary) throw forbidden('只有社区书记可以查看已停用的服务')
  if (input.cursor !== undefined && !/^[A-Za-z0-9_-]+$/.test(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const inactiveToo = input.all || input.provided
  const all = await readAll<Service>(db, K.services, inactiveToo ? { communityId: input.communityId } : { communityId: input.communityId, active: true }, 500)
  const posts = await getMany<Post>(
    db,
    PT.posts,
    all.flatMap((s) => (s.provider.kind === 'post' && s.provider.postId ? [s.provider.postId] : [])),
  )
  const provides = (s: Service) => isProvider(ctx.user, s, s.provider.postId ? (posts.get(s.provider.postId) ?? null) : null)
  const q = input.q?.trim() ?? ''
  const found = all
    .filter((s) => (!input.category || s.category === input.category) && (!q || matches(s, q)) && (!input.provided || secretary || provides(s)))
    .sort((a, b) => (a._id < b._id ? 1 : -1))
  if (q && found.length === 0 && !input.cursor) await countDemand(db, input.communityId, q, 'searches', ctx.now())
  const from = input.cursor ? found.findIndex((s) => s._id < input.cursor!) : 0
  const limit = input.limit ?? 20
  const rest = from < 0 ? [] : found.slice(from)
  const items = rest.slice(0, limit)
  const now = ctx.now()
  return {
    items: items.map((s) => (provides(s) ? { ...serviceCard(s, now), provided: true } : serviceCard(s, now))),
    nextCursor: rest.length > limit ? items[items.length - 1]._id : null,
  }
}

// writes: a search with no result is counted (and so rate-limited like any write).
export default defineAction({ name: 'service.list', input: ServiceListInput, access: member, writes: true, handler: list })
