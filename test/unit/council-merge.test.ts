/**
 * The 议事 tab's merged segments (src/features/council/merge.ts): several topic lists, each paged newest first
 * by the time-ordered id, read as one list newest first — every topic exactly once, in order, whatever the
 * page size, and never a topic shown before a newer one of another list that had not been sent yet.
 */
import { mergedLoader, type PageOf } from '../../src/features/council/merge'

type Item = { id: string }
const id = (n: number) => `t${n.toString(36).padStart(9, '0')}${'0'.repeat(12)}`

/** A fake topic.list for one stage: ids newest first, pages of `limit`, the cursor the last id sent. */
function stage(ns: number[], limit: number) {
  const items = ns
    .map(id)
    .sort()
    .reverse()
    .map((x) => ({ id: x }))
  return (cursor: string | undefined): PageOf<Item> => {
    const from = cursor ? items.filter((t) => t.id < cursor) : items
    const page = from.slice(0, limit)
    return { items: page, nextCursor: from.length > limit ? page[page.length - 1].id : null }
  }
}

async function readAll(load: (c: string | undefined) => Promise<PageOf<Item>>) {
  const seen: string[] = []
  let cursor: string | undefined
  for (let i = 0; i < 100; i++) {
    const page = await load(cursor)
    seen.push(...page.items.map((t) => t.id))
    if (page.nextCursor === null) return { seen, pages: i + 1 }
    cursor = page.nextCursor
  }
  throw new Error('never ended')
}

test.each([1, 2, 3, 20])('three stages, pages of %i: every topic once, newest first', async (limit) => {
  const lists: Record<string, (c: string | undefined) => PageOf<Item>> = {
    review: stage([1, 5, 9, 10, 30], limit),
    discussion: stage([2, 3, 4, 40, 41, 42], limit),
    opinions: stage([50], limit),
  }
  const { seen } = await readAll(mergedLoader(Object.keys(lists), async (k, c) => lists[k](c)))
  const all = [1, 5, 9, 10, 30, 2, 3, 4, 40, 41, 42, 50].map(id).sort().reverse()
  expect(seen).toEqual(all)
})

test('one stage passes its own pages and cursor through untouched', async () => {
  const calls: (string | undefined)[] = []
  const one = stage([1, 2, 3], 2)
  const load = mergedLoader(['voting'], async (_k, c) => (calls.push(c), one(c)))
  const { seen, pages } = await readAll(load)
  expect(seen).toEqual([3, 2, 1].map(id))
  expect(pages).toBe(2)
  expect(calls).toEqual([undefined, id(2)])
})

test('empty stages end at once; an ended stage is not asked again', async () => {
  const asked: string[] = []
  const lists: Record<string, (c: string | undefined) => PageOf<Item>> = { vote: stage([], 5), feedback: stage([1, 2, 3, 4, 5, 6, 7], 2) }
  const { seen } = await readAll(mergedLoader(Object.keys(lists), async (k, c) => (asked.push(k), lists[k](c))))
  expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map(id))
  expect(asked.filter((k) => k === 'vote')).toHaveLength(1)
})

test('a list that filters what it reads (等我参与) may send empty pages: the loader reads on, so the first page is not called empty', async () => {
  // Pages of 2 read, only ids divisible by 5 kept: the first few pages hold nothing.
  const all = stage([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 2)
  const filtered = (c: string | undefined) => {
    const p = all(c)
    return { items: p.items.filter((t) => parseInt(t.id.slice(1, 10), 36) % 5 === 0), nextCursor: p.nextCursor }
  }
  const lists: Record<string, (c: string | undefined) => PageOf<Item>> = { vote: filtered, feedback: stage([], 2) }
  const load = mergedLoader(Object.keys(lists), async (k, c) => lists[k](c))
  const first = await load(undefined)
  expect(first.items.map((t) => t.id)).toEqual([id(20)])
  const { seen } = await readAll(load)
  expect(seen).toEqual([20, 15, 10, 5].map(id))
})
