/**
 * service.list — the community's 服务菜单: active services (a secretary may ask for inactive ones too, `all`),
 * by category, newest first. `q` looks for words in a service's name, category and description; a search
 * that finds nothing is counted for the secretary (service_demand, this China month, with its words), so the
 * menu can follow what residents look for. A community's menu is small (tens of services): it is read whole
 * (readAll, bounded) on the index community_active_id and paged here by `_id`.
 * Outcomes: a page of cards; FORBIDDEN for `all` when the caller is not the secretary.
 */
import type { Page } from '../../../../../types/common'
import { ServiceListInput, type Service, type ServiceCard } from '../../../../../types/services'
import { SERVICE_CATEGORY_LABELS } from '../../../../../types/vocabulary'
import { defineAction, member, type ActionInput } from '../../platform/action'
import type { UserCtx } from '../../platform/context'
import { readAll } from '../../platform/db'
import { forbidden, invalid } from '../../platform/errors'
import { holdsRole } from '../org/rules'
import { countDemand, loadCommunity } from './core'
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
  if (input.all) {
    const community = await loadCommunity(db, input.communityId)
    if (!holdsRole(ctx.user, community, ['secretary', 'street_admin'])) throw forbidden('只有社区书记可以查看已停用的服务')
  }
  if (input.cursor !== undefined && !/^[A-Za-z0-9_-]+$/.test(input.cursor)) throw invalid('翻页参数不正确，请刷新后重试')
  const all = await readAll<Service>(db, K.services, input.all ? { communityId: input.communityId } : { communityId: input.communityId, active: true }, 500)
  const q = input.q?.trim() ?? ''
  const found = all.filter((s) => (!input.category || s.category === input.category) && (!q || matches(s, q))).sort((a, b) => (a._id < b._id ? 1 : -1))
  if (q && found.length === 0 && !input.cursor) await countDemand(db, input.communityId, q, 'searches', ctx.now())
  const from = input.cursor ? found.findIndex((s) => s._id < input.cursor!) : 0
  const limit = input.limit ?? 20
  const rest = from < 0 ? [] : found.slice(from)
  const items = rest.slice(0, limit)
  const now = ctx.now()
  return { items: items.map((s) => serviceCard(s, now)), nextCursor: rest.length > limit ? items[items.length - 1]._id : null }
}

// writes: a search with no result is counted (and so rate-limited like any write).
export default defineAction({ name: 'service.list', input: ServiceListInput, access: member, writes: true, handler: list })
