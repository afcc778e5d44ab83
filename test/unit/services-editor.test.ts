/**
 * The menu editor's form (src/packages/services/editor.ts): a service opened in the editor and saved unchanged
 * sends back every setting it had (the provider only when changed: an update without one keeps it); a new
 * service gets the defaults and the secretary as its provider; what the function would refuse is said in
 * Chinese before sending; and the function's refusal names the part of the form.
 */
import { ServiceUpsertInput, type ServiceDetail } from '../../types/services'
import { datedText, parseDated } from '../../src/packages/services/schedule'
import { draftOf, newDraft, partsOf, refusalWords, toInput, type Draft } from '../../src/packages/services/editor'

const detail: ServiceDetail = {
  id: 's-1',
  communityId: 'c-1',
  name: '康养上门',
  category: 'elderly',
  delivery: 'at_home',
  place: '上门服务',
  when: '每周一 9:00-11:30',
  description: '上门量血压',
  pricePoints: 5,
  private: true,
  forChild: false,
  active: false,
  ratingAverage: null,
  provider: { kind: 'unit', name: '青山区第一中学' },
  walkIn: null,
  cutoffHours: 24,
  audience: { minAge: 60, buildingIds: ['b-1', 'b-2'] },
  schedule: {
    weekly: [{ weekday: 1, start: '09:00', end: '11:30', capacity: 3 }],
    dated: [{ day: '2026-12-10', start: '14:00', end: '16:00', capacity: 8 }],
    closures: ['2026-12-07'],
  },
  daily: null,
  venue: null,
  noShowRule: { count: 2, withinDays: 60, blockDays: 7 },
  me: { canBook: false, whyNot: null, blockedUntil: null, isProvider: false, canEdit: true },
  edit: { provider: { kind: 'unit', unitId: 'unit-1', postId: null, userIds: ['u-1'], people: [{ userId: 'u-1', name: '梁*东' }] } },
}

const ok = (d: Draft, serviceId: string | null = null) => {
  const out = toInput(d, 'c-1', serviceId)
  if ('problem' in out) throw new Error(out.problem)
  // What the editor sends is what the contract accepts.
  expect(ServiceUpsertInput.safeParse(out.input).success).toBe(true)
  return out.input
}
const problem = (change: Partial<Draft>, base: Draft = newDraft({ userId: 'u-me', name: '刘桂芳' })) => {
  const out = toInput({ ...base, name: '书记接待日', place: '一楼', description: '听意见', ...change }, 'c-1', null)
  return 'problem' in out ? out.problem : 'OK'
}

test('a service saved unchanged sends back every setting it had, and no provider (it stays as it is)', () => {
  const input = ok(draftOf(detail), detail.id)
  expect(input).toEqual({
    communityId: 'c-1',
    serviceId: 's-1',
    name: '康养上门',
    category: 'elderly',
    description: '上门量血压',
    place: '上门服务',
    audience: { minAge: 60, buildingIds: ['b-1', 'b-2'] },
    delivery: 'at_home',
    schedule: detail.schedule,
    walkIn: null,
    daily: null,
    venue: null,
    private: true,
    forChild: false,
    pricePoints: 5,
    cutoffHours: 24,
    noShowRule: { count: 2, withinDays: 60, blockDays: 7 },
    active: false,
  })
  // Changed: the provider goes with it, as stored (the unit and the named staff).
  const d = draftOf(detail)
  expect(ok({ ...d, providerChanged: true }, detail.id).provider).toEqual({ kind: 'unit', unitId: 'unit-1', postId: null, userIds: ['u-1'] })
})

test('the canteen and a venue: their daily settings and hours; all seven days are sent as every day', () => {
  const canteen = ok({
    ...newDraft({ userId: 'u-me', name: '刘桂芳' }),
    name: '长者食堂',
    category: 'canteen',
    delivery: 'daily',
    place: '食堂',
    description: '两荤一素',
    dailyCutoff: '9:30',
    dailyCapacity: '40',
    dailyDays: [1, 2, 3, 4, 5],
    closures: '2026-12-25',
    minAge: '60',
  })
  expect(canteen).toMatchObject({
    daily: { cutoff: '09:30', capacity: 40, days: [1, 2, 3, 4, 5] },
    venue: null,
    schedule: { weekly: [], dated: [], closures: ['2026-12-25'] },
    audience: { minAge: 60, buildingIds: [] },
    provider: { kind: 'staff', userIds: ['u-me'] },
    noShowRule: { count: 3, withinDays: 30, blockDays: 14 },
    private: false,
  })
  const venue = ok({
    ...newDraft({ userId: 'u-me', name: '刘' }),
    name: '体育馆',
    delivery: 'venue',
    place: '一中',
    description: '羽毛球',
    venueUnitId: 'unit-1',
  })
  expect(venue.venue).toEqual({ unitId: 'unit-1', opens: '18:00', closes: '21:00', days: [] })
  expect(draftOf({ ...detail, delivery: 'daily', daily: { cutoff: '10:00', capacity: 30, days: [] } }).dailyDays).toEqual([1, 2, 3, 4, 5, 6, 7])
})

test('each kind of delivery shows only what matters for it', () => {
  expect(partsOf('walk_in')).toMatchObject({ walkIn: true, slots: false, booking: false, closures: false })
  expect(partsOf('daily')).toMatchObject({ daily: true, slots: false, cutoffHours: false, booking: true, privacy: false })
  expect(partsOf('venue')).toMatchObject({ venue: true, cutoffHours: true, privacy: false })
  expect(partsOf('at_home')).toMatchObject({ slots: true, privacy: true, cutoffHours: true })
})

test('what the function would refuse is said in Chinese before sending', () => {
  expect(problem({})).toBe('OK')
  expect(problem({ name: ' ' })).toBe('请填写服务名称')
  expect(problem({ weekly: '周三 11:00-09:00 20' })).toContain('结束时间要晚于开始时间')
  expect(problem({ weekly: '周三 上午 20' })).toContain('请写成 周三 09:00-11:00 20')
  expect(problem({ weekly: '周三 25:00-26:00 20' })).toContain('时间不对')
  expect(problem({ weekly: '周三 09:00-11:00 0' })).toContain('名额请填 1-1000')
  expect(problem({ weekly: '', dated: '' })).toBe('请至少设置一个服务时段（每周固定或指定日期）')
  expect(problem({ dated: '12月10日 9:00-10:00 5' })).toContain('指定日期这一行看不懂')
  expect(problem({ closures: '国庆' })).toContain('休息日这个日期看不懂')
  expect(problem({ minAge: '120' })).toContain('1-100')
  expect(problem({ noShowWithin: '3' })).toBe('未到场的统计天数请填 7-365')
  expect(problem({ price: '-1' })).toContain('0-10000')
  expect(problem({ provider: { kind: 'staff', unitId: null, postId: null, userIds: [], people: [] } })).toBe('请至少选一位负责的工作人员')
  expect(problem({ provider: { kind: 'unit', unitId: null, postId: null, userIds: [], people: [] } })).toBe('请选择提供服务的共建单位')
  expect(problem({ provider: { kind: 'post', unitId: null, postId: null, userIds: [], people: [] } })).toBe('请选择提供服务的党员服务岗')
  expect(problem({ delivery: 'walk_in' })).toContain('请写明什么时间来')
  expect(problem({ delivery: 'daily', dailyDays: [] })).toBe('请至少选一天开放预订')
  expect(problem({ delivery: 'daily', dailyCapacity: '0' })).toBe('每天的份数请填 1-1000 的整数')
  expect(problem({ delivery: 'venue', opens: '20:30', closes: '21:00' })).toBe('关闭时间要比开放时间晚至少 1 小时')
  // A walk-in service ignores the booking parts it does not show.
  expect(problem({ delivery: 'walk_in', walkIn: '工作日 9:00-17:00', minAge: 'x', weekly: 'x' })).toBe('OK')
})

test("the function's refusal names the part of the form; only the service itself gone is final", () => {
  const issue = (path: string, message: string) => ({ code: 'INVALID_INPUT', message, details: { issues: [{ path, message }] } })
  expect(refusalWords(issue('schedule.weekly.1', '与第 1 个时段时间重叠'))).toEqual({ text: '每周时段第 2 行：与第 1 个时段时间重叠', final: false })
  expect(refusalWords(issue('provider.userIds.0', '这个人不在本社区任职')).text).toBe('提供方：这个人不在本社区任职')
  expect(refusalWords({ code: 'NOT_FOUND', message: '这个单位不存在或已被删除' })).toEqual({
    text: '这个单位不存在或已被删除，请重新选择提供方后再保存',
    final: false,
  })
  expect(refusalWords({ code: 'NOT_FOUND', message: '这项服务不存在或已被删除' }).final).toBe(true)
})

test('dated slots as lines, both ways', () => {
  const slots = [{ day: '2026-12-10', start: '09:00', end: '11:00', capacity: 20 }]
  expect(parseDated(datedText(slots))).toEqual({ slots })
  expect(parseDated('2026-12-10 9:00~11:00 20')).toEqual({ slots })
  expect(parseDated('明天 9:00-11:00 20')).toEqual({ bad: '明天 9:00-11:00 20' })
})
