import * as fs from 'fs'
import * as path from 'path'
import { actionInputs } from '../../types/api'
import { actions, loadAction } from '../../cloudfunctions/api/src/actions'
import type { ActionDef } from '../../cloudfunctions/api/src/platform/action'
import { RateLimiter } from '../../cloudfunctions/api/src/platform/rateLimit'
import { AppError } from '../../cloudfunctions/api/src/platform/errors'
import { isDuplicateKey } from '../../cloudfunctions/api/src/platform/db'

const SRC = path.resolve(__dirname, '../../cloudfunctions/api/src')
type Name = keyof typeof actionInputs

describe('the action registry', () => {
  const names = Object.keys(actionInputs).sort() as Name[]
  let defs: Record<string, ActionDef>

  beforeAll(async () => {
    defs = {}
    for (const n of names) defs[n] = (await loadAction(n)) as unknown as ActionDef
  })

  test('every action of the contract has one declaration, for its own name, with the contract’s schema', () => {
    expect(Object.keys(actions).sort()).toEqual(names)
    for (const n of names) {
      expect(defs[n].name).toBe(n)
      expect(defs[n].input).toBe(actionInputs[n])
      expect(typeof defs[n].handler).toBe('function')
      expect(typeof defs[n].writes).toBe('boolean')
    }
  })

  test('an action area.verb lives in modules/<area>/<verb>.ts', () => {
    const text = fs.readFileSync(path.join(SRC, 'actions.ts'), 'utf8')
    for (const n of names) {
      const [area, verb] = n.split('.')
      const line = text.split('\n').find((l) => l.startsWith(`  '${n}':`))
      expect(line).toBeDefined()
      expect(line).toContain(`import('./modules/${area}/${verb}')`)
      expect(fs.existsSync(path.join(SRC, 'modules', area, `${verb}.ts`))).toBe(true)
    }
  })

  test('action names are area.verb', () => {
    for (const n of names) expect(n).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  test('only login is open before a profile exists', () => {
    expect(names.filter((n) => defs[n].access.who === 'wechat')).toEqual(['org.login'])
  })

  test('admin actions are limited to secretaries and street admins', () => {
    for (const n of ['org.assignRole', 'org.revokeRole', 'org.members', 'org.member', 'org.audit', 'org.undelivered'] as const) {
      const access = defs[n].access
      expect(access.who).toBe('roles')
      if (access.who === 'roles') expect([...access.roles].sort()).toEqual(['secretary', 'street_admin'])
    }
  })

  test('reads are marked as reads: a sample of each kind', () => {
    for (const n of ['org.me', 'org.members', 'org.audit', 'points.balance', 'wish.list', 'activity.get'] as const) expect(defs[n].writes).toBe(false)
    for (const n of ['org.login', 'org.assignRole', 'mall.redeem', 'wish.claim', 'activity.checkin'] as const) expect(defs[n].writes).toBe(true)
  })

  test('input schemas are strict: unknown keys are refused', () => {
    expect(actionInputs['org.me'].safeParse({ openid: 'x' }).success).toBe(false)
    expect(actionInputs['org.tree'].safeParse({ communityId: 'c-1', extra: 1 }).success).toBe(false)
    expect(actionInputs['org.tree'].safeParse({ communityId: 'c-1' }).success).toBe(true)
    expect(actionInputs['org.members'].safeParse({ communityId: 'c-1', limit: 500 }).success).toBe(false)
  })
})

describe('rate limiter', () => {
  test('allows up to the limit within the window, then refuses, then recovers', () => {
    const rl = new RateLimiter(3, 1000)
    expect([rl.allow('a', 0), rl.allow('a', 10), rl.allow('a', 20), rl.allow('a', 30)]).toEqual([true, true, true, false])
    expect(rl.allow('b', 30)).toBe(true)
    expect(rl.allow('a', 1015)).toBe(true)
  })
})

describe('errors', () => {
  test('AppError carries its code and omits empty details', () => {
    expect(new AppError('CONFLICT', '已被认领').toApiError()).toEqual({ code: 'CONFLICT', message: '已被认领' })
    expect(new AppError('INVALID_INPUT', 'x', { issues: [{ path: 'a', message: 'b' }] }).toApiError()).toEqual({
      code: 'INVALID_INPUT',
      message: 'x',
      details: { issues: [{ path: 'a', message: 'b' }] },
    })
    expect(new AppError('CONFLICT', '兑完了', { reason: 'SOLD_OUT' }).reason).toBe('SOLD_OUT')
  })
  test('duplicate keys are recognised as the cloud reports them', () => {
    expect(isDuplicateKey({ errCode: -502001, errMsg: 'x' })).toBe(true)
    expect(isDuplicateKey({ message: 'E11000 duplicate key error' })).toBe(true)
    expect(isDuplicateKey({ errCode: -1, errMsg: 'timeout' })).toBe(false)
    expect(isDuplicateKey(null)).toBe(false)
  })
})
