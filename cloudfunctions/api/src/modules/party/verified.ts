/** Whether the caller is a verified party member of a community (for posts, pairing, organising). */
import type { Registration } from '../../../../../types/party'
import type { Db } from '../../platform/db'
import { findMany } from '../../platform/db'
import { PT } from './repo'

export async function verifiedRegistration(db: Db, userId: string, communityId: string): Promise<Registration | null> {
  const [r] = await findMany<Registration>(db, PT.registrations, { activeKey: userId, communityId, status: 'verified' }, { limit: 1 })
  return r ?? null
}
