import { canGrant, canRevoke, holdsRole, listName, maskName, maskPhone, rolesIn } from '../../cloudfunctions/api/src/modules/org/rules'
import type { RoleGrant } from '../../types/common'

const c1 = { _id: 'c-1', streetId: 'st-1' }
const c9 = { _id: 'c-9', streetId: 'st-9' }
const person = (...roles: [string, RoleGrant['role']][]) => ({ _id: 'u-x', roles: roles.map(([communityId, role]) => ({ communityId, role })) })

describe('org rules', () => {
  test('masks names keeping the first and last character', () => {
    expect(maskName('王秀英')).toBe('王*英')
    expect(maskName('李明')).toBe('李*')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('')).toBe('**')
    expect(maskName(null)).toBe('**')
  })

  test('masks phones to 3+4 digits', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
    expect(maskPhone('110')).toBe('*10')
    expect(maskPhone(null)).toBeNull()
  })

  test('list names prefer the real name', () => {
    expect(listName({ realName: '王秀英', nickname: '王阿姨' })).toBe('王*英')
    expect(listName({ realName: null, nickname: '王阿姨' })).toBe('王*姨')
  })

  test('a role is held in its own community only; a street admin holds across the street', () => {
    const sec = person(['c-1', 'secretary'])
    expect(holdsRole(sec, c1, ['secretary'])).toBe(true)
    expect(holdsRole(sec, c9, ['secretary'])).toBe(false)
    expect(holdsRole(sec, c1, ['party_member'])).toBe(false)
    const admin = person(['st-1', 'street_admin'])
    expect(holdsRole(admin, c1, ['secretary', 'street_admin'])).toBe(true)
    expect(holdsRole(admin, c9, ['street_admin'])).toBe(false)
    expect(rolesIn(person(['c-1', 'resident'], ['c-9', 'volunteer']), 'c-1')).toEqual(['resident'])
  })

  test('secretaries grant community roles but not secretary; street admins may appoint secretaries', () => {
    const sec = person(['c-1', 'secretary'])
    expect(canGrant(sec, c1, 'party_member')).toBe(true)
    expect(canGrant(sec, c1, 'secretary')).toBe(false)
    expect(canGrant(sec, c1, 'street_admin')).toBe(false)
    expect(canGrant(sec, c9, 'party_member')).toBe(false)
    expect(canGrant(person(['c-1', 'resident']), c1, 'volunteer')).toBe(false)
    const admin = person(['st-1', 'street_admin'])
    expect(canGrant(admin, c1, 'secretary')).toBe(true)
    expect(canGrant(admin, c1, 'street_admin')).toBe(false)
  })

  test('nobody revokes their own secretary role', () => {
    const admin = { ...person(['st-1', 'street_admin'], ['c-1', 'secretary']), _id: 'u-a' }
    expect(canRevoke(admin, { _id: 'u-a' }, c1, 'secretary')).toBe(false)
    expect(canRevoke(admin, { _id: 'u-b' }, c1, 'secretary')).toBe(true)
  })
})
