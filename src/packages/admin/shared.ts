/** What the admin pages share. */
import { go } from '../../services/nav'

/** A page for secretaries opened by someone who is none (no community to manage): say who may, offer 我的. */
export function NOT_SECRETARY(what: string, who = '社区书记') {
  return { text: `只有${who}可以${what}`, action: { text: '回到我的', onClick: () => go('me') } }
}
