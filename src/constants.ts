/**
 * Client-side copies of small contract values. types/common.ts and types/org.ts import zod at
 * runtime, so importing their values would pull zod into the mini-program bundle; only their
 * types are imported (`import type`). Keep these in step with types/common.ts ROLE_LABELS.
 */
import type { Role } from '@contract/common'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  party_member: '党员',
  volunteer: '志愿者',
  building_head: '楼栋长',
  grid_worker: '网格员',
  secretary: '社区书记',
  street_admin: '街道管理员',
}

/** Roles in the order a secretary sees them when assigning. */
export const ROLE_ORDER: Role[] = ['resident', 'party_member', 'volunteer', 'building_head', 'grid_worker', 'secretary', 'street_admin']

export const BRAND_RED = '#C8161D'

/** Storage keys. */
export const STORAGE_ELDER = 'elder-mode'
export const STORAGE_DEV_OPENID = 'dev-openid'
