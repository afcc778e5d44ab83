/**
 * A community's whole post board: post.list answers POST_PAGE (types/party.ts) posts at a time, oldest first;
 * a full page may be followed by more, asked for with `after` (the last post's id). Follows the pages to the
 * end so no screen shows a board cut at 100. (A community has tens of posts: one call, rarely two.)
 */
import type { PostView } from '@contract/party'
import { call } from './api'

/** types/party.ts POST_PAGE (a value there would bring zod into the bundle). */
export const POST_PAGE = 100

export async function allPosts(communityId: string): Promise<PostView[]> {
  const out: PostView[] = []
  for (;;) {
    const last = out[out.length - 1]
    const page = await call('post.list', { communityId, ...(last ? { after: last.id } : {}) })
    out.push(...page)
    if (page.length < POST_PAGE) return out
  }
}
