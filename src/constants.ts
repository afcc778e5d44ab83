/** Client constants (also read by app.config.ts at build time: plain values only). The contract's words (role labels,
 * statuses) come from @contract/vocabulary, never copied here. */
import type { Role } from '@contract/common'

/** Roles in the order a secretary sees them when assigning. */
export const ROLE_ORDER: Role[] = ['resident', 'party_member', 'volunteer', 'building_head', 'grid_worker', 'secretary', 'street_admin']

export const BRAND_RED = '#C8161D'

/** Storage keys. */
export const STORAGE_ELDER = 'elder-mode'
export const STORAGE_DEV_OPENID = 'dev-openid'
