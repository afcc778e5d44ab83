/**
 * Collections of the points module. Only this module (and mall, through ledger.ts) writes them.
 * Indexes (database.json): point_entries (accountId, _id desc) for statements, (communityId, at, _id) for the
 * recount of a month; point_counters (communityId, _id): a community's shards.
 */
export const P = {
  accounts: 'point_accounts',
  transfers: 'point_transfers',
  entries: 'point_entries',
  rules: 'point_rules',
  sponsors: 'point_sponsors',
  caps: 'point_caps',
  settings: 'point_settings',
  /** Running counters per community × shard, by China month (counters.ts). */
  counters: 'point_counters',
} as const
