/**
 * Several cursor-paged topic lists read as one, newest first: a tab segment that spans stages (审议中 is
 * review + discussion + opinions) asks topic.list once per stage and merges. Each list pages by the
 * time-ordered topic id (newest first, the cursor is the last id seen), so a page may show only what is newer
 * than everything some list has not yet sent; the rest comes again on the next page. The cursor the page
 * keeps is every list's own position, as JSON. Pure: test/unit/council-merge.test.ts.
 */
export interface PageOf<T> {
  items: T[]
  nextCursor: string | null
}

/** Each list's position: null from the start, a topic id to go on after, false when it has no more. */
export type Positions = Record<string, string | null | false>

export function mergePages<T extends { id: string }>(keys: string[], pages: PageOf<T>[], before: Positions): PageOf<T> {
  // Whatever a list has not sent yet is older than its cursor: only what is at least as new as the newest
  // such cursor is safe to show now.
  let threshold: string | null = null
  pages.forEach((p) => {
    if (p.nextCursor !== null && (threshold === null || p.nextCursor > threshold)) threshold = p.nextCursor
  })
  const shown: T[] = []
  const seen = new Set<string>()
  const after: Positions = { ...before }
  keys.forEach((key, i) => {
    const page = pages[i]
    const safe = page.items.filter((t) => threshold === null || t.id >= threshold)
    for (const t of safe) {
      if (!seen.has(t.id)) shown.push(t)
      seen.add(t.id)
    }
    const all = safe.length === page.items.length
    if (all) after[key] = page.nextCursor ?? false
    else if (safe.length) after[key] = safe[safe.length - 1].id
  })
  shown.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  const more = keys.some((k) => after[k] !== false)
  return { items: shown, nextCursor: more ? JSON.stringify(after) : null }
}

/** Empty pages read past before a page says "nothing here" (a filtered list, 等我参与, may send none). */
const EMPTY_PAGES_READ_PAST = 5

/**
 * A usePaged loader over several lists (one list: its own pages and cursor, untouched). A list that filters
 * what it reads (topic.list's `awaiting`) may answer a page with no cards but more to look at: the loader
 * reads on, a few pages at most, so a segment is not called empty while it is not.
 */
export function mergedLoader<T extends { id: string }>(keys: string[], load: (key: string, cursor: string | undefined) => Promise<PageOf<T>>) {
  const once = async (cursor: string | undefined): Promise<PageOf<T>> => {
    if (keys.length === 1) return load(keys[0], cursor)
    const before: Positions = cursor ? (JSON.parse(cursor) as Positions) : Object.fromEntries(keys.map((k) => [k, null]))
    const live = keys.filter((k) => before[k] !== false)
    const pages = await Promise.all(live.map((k) => load(k, before[k] || undefined)))
    return mergePages(live, pages, before)
  }
  return async (cursor: string | undefined): Promise<PageOf<T>> => {
    let page = await once(cursor)
    for (let i = 0; i < EMPTY_PAGES_READ_PAST && page.items.length === 0 && page.nextCursor !== null; i++) page = await once(page.nextCursor)
    return page
  }
}
