/**
 * Who "belongs" to a community in the eyes of its secretary: a person whose household there is verified,
 * or a party member whose registration there (双报到) the community approved. Only such people can be
 * read in full (org.member) or be given a role by the secretary; a role held, a household merely
 * declared, or anything the client says does not count.
 */
import type { User } from '../../../../../types/org'
import type { Db } from '../../platform/db'
import { verifiedRegistration } from '../party/verified'
import { livesIn } from './rules'

export async function belongsTo(db: Db, person: User, communityId: string): Promise<boolean> {
  if (livesIn(person, communityId)) return true
  return (await verifiedRegistration(db, person._id, communityId)) !== null
}
