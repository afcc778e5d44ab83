/**
 * Counter repair (issue 15): a street admin (or a test) runs one registered recount on demand.
 */
import * as z from 'zod/mini'
import { Id } from './common'

export const CountersRecountInput = z.strictObject({
  /** Any community of the admin's street (access is checked on it); the recount covers every community. */
  communityId: Id,
  /** A name of the function's RECOUNTS registry ('wish.stats', …). */
  name: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[a-zA-Z.]+$/, '计数器名称不正确')),
  /** Write the fixes (false: only report). */
  fix: z.boolean(),
  /** Where to carry on: the cursor a previous answer gave. */
  cursor: z.optional(z.string().check(z.maxLength(2000))),
})

export interface RecountDrift {
  counter: string
  key: string
  stored: number
  actual: number
  fixed: boolean
}

export interface RecountView {
  name: string
  /** The whole recount ran to its end; otherwise call again with `cursor`. */
  done: boolean
  cursor: string | null
  batches: number
  found: number
  fixed: number
  /** The first 200 items found; `found` says how many there were. */
  drift: RecountDrift[]
}
