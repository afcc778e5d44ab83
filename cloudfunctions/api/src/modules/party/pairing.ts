/** Support for the pair.* actions: a community's pairing range (households per member). */
import type { PairSettings } from '../../../../../types/party'
import { getById, type Db } from '../../platform/db'
import { PT } from './repo'
import { DEFAULT_PAIRS } from './rules'

export async function pairSettingsOf(db: Db, communityId: string): Promise<PairSettings> {
  return (await getById<PairSettings>(db, PT.pairSettings, communityId)) ?? { _id: communityId, ...DEFAULT_PAIRS }
}
