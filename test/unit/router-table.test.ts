import { actionInputs } from '../../types/api'
import { permissions, READ_ONLY } from '../../cloudfunctions/api/src/permissions'
import { handlers } from '../../cloudfunctions/api/src/actions'
import { RateLimiter } from '../../cloudfunctions/api/src/platform/rateLimit'
import { AppError } from '../../cloudfunctions/api/src/platform/errors'
import { isDuplicateKey } from '../../cloudfunctions/api/src/platform/db'

describe('the action table', () => {
  const names = Object.keys(actionInputs).sort()

  test('every action has an input schema, a permission and a handler, and nothing else exists', () => {
    expect(Object.keys(permissions).sort()).toEqual(names)
    expect(Object.keys(handlers).sort()).toEqual(names)
    for (const n of READ_ONLY) expect(names).toContain(n)
  })

  test('action names are area.verb', () => {
    for (const n of names) expect(n).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  test('only login is open before a profile exists', () => {
    expect(names.filter((n) => permissions[n as keyof typeof permissions].who === 'wechat')).toEqual(['org.login'])
  })

  test('admin actions are limited to secretaries and street admins', () => {
    for (const n of ['org.assignRole', 'org.revokeRole', 'org.members', 'org.member', 'org.audit', 'org.undelivered'] as const) {
      const access = permissions[n]
      expect(access.who).toBe('roles')
      if (access.who === 'roles') expect([...access.roles].sort()).toEqual(['secretary', 'street_admin'])
    }
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
    expect(new AppError('INVALID_INPUT', 'x', [1]).toApiError()).toEqual({ code: 'INVALID_INPUT', message: 'x', details: [1] })
  })
  test('duplicate keys are recognised as the cloud reports them', () => {
    expect(isDuplicateKey({ errCode: -502001, errMsg: 'x' })).toBe(true)
    expect(isDuplicateKey({ message: 'E11000 duplicate key error' })).toBe(true)
    expect(isDuplicateKey({ errCode: -1, errMsg: 'timeout' })).toBe(false)
    expect(isDuplicateKey(null)).toBe(false)
  })
})
