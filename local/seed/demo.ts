/**
 * The demo street (青山街道): two communities, their compounds, buildings, households, grids,
 * partner units and fifty people covering every role (unit staff, whose units are made through the function,
 * are appointed by the showcase: local/seed/requests.ts). Deterministic: the same `now` gives the same
 * documents, ids are readable (`c-xingfuli`, `b-gangcheng-2`, `h-gangcheng-2-1-102`, `u-wang-xiuying`),
 * and every document matches its entity schema in types/org.ts.
 *
 * The first person in `users` is the default resident the H5 app starts as (GET /dev/people[0]).
 */
import type { Role, RoleGrant } from '../../types/common'
import {
  PRIVACY_VERSION,
  type Building,
  type Community,
  type Compound,
  type Grid,
  type Household,
  type PartnerUnit,
  type Street,
  type User,
} from '../../types/org'

/** What seedDemo needs of the engine (local/engine's Engine has all of it). */
export interface SeedTarget {
  clearAll(): Promise<void> | void
  insertMany(collection: string, docs: object[]): Promise<unknown> | unknown
  flush?(): Promise<void> | void
}

export const DEMO_STREET_ID = 'street-qingshan'

/** Handy ids for tests and docs. */
export const DEMO = {
  street: DEMO_STREET_ID,
  xingfuli: 'c-xingfuli',
  heping: 'c-heping',
  /** The default resident (first in the users list). */
  defaultResident: { id: 'u-wang-xiuying', openid: 'demo-wang-xiuying' },
  secretaryXingfuli: { id: 'u-liu-guifang', openid: 'demo-liu-guifang' },
  secretaryHeping: { id: 'u-wu-haiyan', openid: 'demo-wu-haiyan' },
  streetAdmin: { id: 'u-zheng-wei', openid: 'demo-zheng-wei' },
  /** The one demo person who has not yet agreed to the privacy guide. */
  noConsent: { id: 'u-feng-xiaohong', openid: 'demo-feng-xiaohong' },
  /** 幸福里's first grid (幸福里小区): its worker. */
  gridWorker: { id: 'u-zhang-wei', openid: 'demo-zhang-wei' },
  /** Staff of 安居物业 (幸福里's property company) and of the street's 城管科, appointed by the showcase. */
  propertyStaff: { id: 'u-qin-haiyang', openid: 'demo-qin-haiyang' },
  deptStaff: { id: 'u-kong-fanrong', openid: 'demo-kong-fanrong' },
  /** Staff of 青山区第一中学, whose gym opens after hours (the showcase's venue, local/seed/services.ts). */
  venueStaff: { id: 'u-liang-xiaodong', openid: 'demo-liang-xiaodong' },
} as const

// ---------- Places ----------

interface CommunitySpec {
  id: string
  name: string
  address: string
}

const COMMUNITIES: CommunitySpec[] = [
  { id: 'c-xingfuli', name: '幸福里社区', address: '青山区幸福路86号（幸福里社区党群服务中心）' },
  { id: 'c-heping', name: '和平社区', address: '青山区和平大道1218号（和平社区党群服务中心）' },
]

interface CompoundSpec {
  slug: string
  communityId: string
  name: string
  address: string
  gridId: string
  /** number of buildings, units per building, floors, households per floor per unit */
  buildings: number
  units: number
  floors: number
  perFloor: number
}

const COMPOUNDS: CompoundSpec[] = [
  // 幸福里社区: a 2000s compound, a newer mid-rise and the old steelworkers' estate
  {
    slug: 'xingfuli-yuan',
    communityId: 'c-xingfuli',
    name: '幸福里小区',
    address: '青山区幸福路88号',
    gridId: 'g-xingfuli-1',
    buildings: 4,
    units: 2,
    floors: 6,
    perFloor: 2,
  },
  {
    slug: 'jinxiu',
    communityId: 'c-xingfuli',
    name: '锦绣花园',
    address: '青山区建设二路126号',
    gridId: 'g-xingfuli-2',
    buildings: 3,
    units: 2,
    floors: 9,
    perFloor: 2,
  },
  {
    slug: 'gangcheng',
    communityId: 'c-xingfuli',
    name: '钢城新村',
    address: '青山区冶金大道21号',
    gridId: 'g-xingfuli-2',
    buildings: 5,
    units: 2,
    floors: 5,
    perFloor: 2,
  },
  // 和平社区
  {
    slug: 'heping-jiayuan',
    communityId: 'c-heping',
    name: '和平家园',
    address: '青山区和平大道1220号',
    gridId: 'g-heping-1',
    buildings: 4,
    units: 2,
    floors: 6,
    perFloor: 2,
  },
  {
    slug: 'lianhua',
    communityId: 'c-heping',
    name: '莲花苑',
    address: '青山区友谊大道35号',
    gridId: 'g-heping-2',
    buildings: 3,
    units: 3,
    floors: 6,
    perFloor: 2,
  },
]

const GRIDS: { id: string; communityId: string; name: string; worker: string }[] = [
  { id: 'g-xingfuli-1', communityId: 'c-xingfuli', name: '第一网格（幸福里小区）', worker: 'zhang-wei' },
  { id: 'g-xingfuli-2', communityId: 'c-xingfuli', name: '第二网格（锦绣花园、钢城新村）', worker: 'zhao-min' },
  { id: 'g-heping-1', communityId: 'c-heping', name: '第一网格（和平家园）', worker: 'jiang-tao' },
  { id: 'g-heping-2', communityId: 'c-heping', name: '第二网格（莲花苑）', worker: 'shen-li' },
]

const PARTNER_UNITS: PartnerUnit[] = [
  { _id: 'pu-xingfuli-tax', communityId: 'c-xingfuli', name: '青山区税务局', kind: '机关' },
  { _id: 'pu-xingfuli-school', communityId: 'c-xingfuli', name: '青山区第一中学', kind: '学校' },
  { _id: 'pu-xingfuli-bank', communityId: 'c-xingfuli', name: '工商银行青山支行', kind: '企业' },
  { _id: 'pu-xingfuli-property', communityId: 'c-xingfuli', name: '安居物业服务有限公司', kind: '企业' },
  { _id: 'pu-heping-market', communityId: 'c-heping', name: '青山区市场监督管理局', kind: '机关' },
  { _id: 'pu-heping-hospital', communityId: 'c-heping', name: '青山区人民医院', kind: '事业单位' },
  { _id: 'pu-heping-bank', communityId: 'c-heping', name: '建设银行和平支行', kind: '企业' },
  { _id: 'pu-heping-volunteers', communityId: 'c-heping', name: '青山区志愿者协会', kind: '社会组织' },
]

// ---------- People ----------

type Home = [compoundSlug: string, building: number, unit: number, room: string]

interface PersonSpec {
  /** pinyin slug: user id `u-<key>`, openid `demo-<key>` */
  key: string
  name: string
  nickname: string
  born: number
  home: Home | null
  /** roles in the home community besides `resident` */
  roles: Role[]
  /** offline (no smartphone): the building head who acts for them */
  proxy?: string
  noConsent?: boolean
  elderMode?: boolean
}

const PEOPLE: PersonSpec[] = [
  // ----- 幸福里社区 -----
  // The default resident: an ordinary resident, first in the list.
  { key: 'wang-xiuying', name: '王秀英', nickname: '王阿姨', born: 1958, home: ['xingfuli-yuan', 1, 1, '302'], roles: [] },
  { key: 'liu-guifang', name: '刘桂芳', nickname: '刘书记', born: 1971, home: ['xingfuli-yuan', 2, 1, '501'], roles: ['party_member', 'secretary'] },
  { key: 'zhang-wei', name: '张伟', nickname: '网格员小张', born: 1990, home: ['xingfuli-yuan', 3, 2, '201'], roles: ['party_member', 'grid_worker'] },
  { key: 'zhao-min', name: '赵敏', nickname: '网格员赵敏', born: 1988, home: ['gangcheng', 1, 1, '402'], roles: ['grid_worker'] },
  { key: 'sun-lihua', name: '孙丽华', nickname: '孙姐', born: 1966, home: ['xingfuli-yuan', 1, 2, '101'], roles: ['party_member', 'building_head'] },
  { key: 'zhou-guoqing', name: '周国庆', nickname: '老周', born: 1955, home: ['gangcheng', 2, 1, '201'], roles: ['party_member', 'building_head'] },
  { key: 'li-jianguo', name: '李建国', nickname: '李大爷', born: 1949, home: ['gangcheng', 3, 2, '102'], roles: ['party_member'], elderMode: true },
  { key: 'yang-fan', name: '杨帆', nickname: '杨帆', born: 1986, home: ['jinxiu', 1, 1, '802'], roles: ['party_member'] },
  { key: 'huang-zhiqiang', name: '黄志强', nickname: '黄志强', born: 1979, home: ['jinxiu', 2, 2, '601'], roles: ['party_member', 'volunteer'] },
  { key: 'wu-jing', name: '吴静', nickname: '静静', born: 1992, home: ['jinxiu', 3, 1, '301'], roles: ['party_member', 'volunteer'] },
  { key: 'ma-jun', name: '马俊', nickname: '马老师', born: 1983, home: ['xingfuli-yuan', 4, 1, '401'], roles: ['party_member'] },
  { key: 'lin-xiaoyan', name: '林小燕', nickname: '小燕', born: 1995, home: ['xingfuli-yuan', 2, 2, '602'], roles: ['volunteer'] },
  { key: 'guo-ting', name: '郭婷', nickname: '婷婷', born: 1998, home: ['jinxiu', 1, 2, '502'], roles: ['volunteer'] },
  { key: 'he-jiayi', name: '何佳怡', nickname: '佳怡', born: 2004, home: ['gangcheng', 4, 1, '301'], roles: ['volunteer'] },
  { key: 'luo-zhiming', name: '罗志明', nickname: '罗师傅', born: 1962, home: ['gangcheng', 5, 2, '202'], roles: ['volunteer'] },
  { key: 'hu-jianhua', name: '胡建华', nickname: '胡建华', born: 1968, home: ['xingfuli-yuan', 3, 1, '502'], roles: [] },
  { key: 'gao-yulan', name: '高玉兰', nickname: '高奶奶', born: 1946, home: ['gangcheng', 1, 2, '101'], roles: [], elderMode: true },
  { key: 'zheng-desheng', name: '郑德胜', nickname: '郑大爷', born: 1943, home: ['gangcheng', 3, 1, '201'], roles: [], elderMode: true },
  { key: 'xie-yuhan', name: '谢雨涵', nickname: '雨涵', born: 1996, home: ['jinxiu', 2, 1, '902'], roles: [] },
  { key: 'liang-xiaodong', name: '梁晓东', nickname: '晓东', born: 1985, home: ['jinxiu', 3, 2, '401'], roles: [] },
  { key: 'song-chunmei', name: '宋春梅', nickname: '宋阿姨', born: 1960, home: ['xingfuli-yuan', 4, 2, '202'], roles: [] },
  { key: 'tang-haitao', name: '唐海涛', nickname: '海涛', born: 1981, home: ['gangcheng', 2, 2, '502'], roles: [] },
  { key: 'han-dongmei', name: '韩冬梅', nickname: '冬梅', born: 1975, home: ['xingfuli-yuan', 1, 1, '601'], roles: [] },
  { key: 'feng-xiaohong', name: '冯小红', nickname: '小红', born: 1999, home: ['jinxiu', 1, 2, '301'], roles: [], noConsent: true },
  { key: 'jia-wenjing', name: '贾文静', nickname: '文静', born: 1990, home: ['gangcheng', 4, 2, '402'], roles: [] },
  { key: 'qian-guilan', name: '钱桂兰', nickname: '钱奶奶', born: 1941, home: ['xingfuli-yuan', 1, 1, '102'], roles: [], proxy: 'sun-lihua' },
  { key: 'cao-defu', name: '曹德福', nickname: '曹爷爷', born: 1944, home: ['gangcheng', 2, 1, '102'], roles: [], proxy: 'zhou-guoqing' },
  // ----- 和平社区 -----
  { key: 'wu-haiyan', name: '吴海燕', nickname: '吴书记', born: 1974, home: ['heping-jiayuan', 1, 1, '301'], roles: ['party_member', 'secretary'] },
  { key: 'jiang-tao', name: '蒋涛', nickname: '网格员蒋涛', born: 1991, home: ['heping-jiayuan', 2, 2, '402'], roles: ['grid_worker'] },
  { key: 'shen-li', name: '沈丽', nickname: '网格员沈丽', born: 1987, home: ['lianhua', 1, 3, '201'], roles: ['party_member', 'grid_worker'] },
  { key: 'xu-jianjun', name: '许建军', nickname: '许师傅', born: 1961, home: ['heping-jiayuan', 3, 1, '202'], roles: ['party_member', 'building_head'] },
  { key: 'lu-weihong', name: '卢卫红', nickname: '卢阿姨', born: 1953, home: ['lianhua', 2, 2, '101'], roles: ['party_member', 'building_head'] },
  { key: 'deng-weidong', name: '邓卫东', nickname: '邓卫东', born: 1977, home: ['heping-jiayuan', 4, 1, '502'], roles: ['party_member'] },
  { key: 'zeng-liping', name: '曾丽萍', nickname: '曾老师', born: 1982, home: ['lianhua', 3, 1, '402'], roles: ['party_member', 'volunteer'] },
  { key: 'pan-wenbin', name: '潘文斌', nickname: '文斌', born: 1989, home: ['heping-jiayuan', 1, 2, '601'], roles: ['party_member'] },
  { key: 'tian-tian', name: '田甜', nickname: '甜甜', born: 1997, home: ['lianhua', 1, 1, '502'], roles: ['volunteer'] },
  { key: 'dong-lixin', name: '董立新', nickname: '老董', born: 1958, home: ['heping-jiayuan', 2, 1, '101'], roles: ['volunteer'] },
  { key: 'yuan-meng', name: '袁梦', nickname: '袁梦', born: 2001, home: ['lianhua', 2, 3, '602'], roles: ['volunteer'] },
  { key: 'fang-zhigang', name: '方志刚', nickname: '方志刚', born: 1972, home: ['heping-jiayuan', 3, 2, '402'], roles: ['volunteer'] },
  { key: 'cai-zhiyuan', name: '蔡志远', nickname: '蔡志远', born: 1980, home: ['heping-jiayuan', 4, 2, '302'], roles: [] },
  { key: 'yu-shuhua', name: '余淑华', nickname: '余奶奶', born: 1947, home: ['lianhua', 1, 2, '102'], roles: [], elderMode: true },
  { key: 'du-ming', name: '杜明', nickname: '杜明', born: 1984, home: ['heping-jiayuan', 1, 1, '502'], roles: [] },
  { key: 'ye-zihan', name: '叶子涵', nickname: '子涵', born: 1994, home: ['lianhua', 3, 3, '201'], roles: [] },
  { key: 'cheng-hong', name: '程红', nickname: '程姐', born: 1970, home: ['heping-jiayuan', 2, 2, '201'], roles: [] },
  { key: 'wei-jianping', name: '魏建平', nickname: '老魏', born: 1957, home: ['lianhua', 2, 1, '302'], roles: [] },
  { key: 'lv-xiulan', name: '吕秀兰', nickname: '吕阿姨', born: 1945, home: ['heping-jiayuan', 4, 1, '101'], roles: [], elderMode: true },
  { key: 'shi-lei', name: '石磊', nickname: '石磊', born: 1993, home: ['lianhua', 3, 2, '501'], roles: [] },
  { key: 'xia-xue', name: '夏雪', nickname: '小雪', born: 2000, home: ['heping-jiayuan', 3, 1, '602'], roles: [] },
  { key: 'peng-xiuzhen', name: '彭秀珍', nickname: '彭奶奶', born: 1942, home: ['heping-jiayuan', 3, 1, '102'], roles: [], proxy: 'xu-jianjun' },
  // ----- 青山街道 -----
  { key: 'zheng-wei', name: '郑伟', nickname: '郑主任', born: 1976, home: null, roles: ['street_admin'] },
  // ----- Units' staff (appointed in the showcase through unit.setStaff: local/seed/requests.ts) -----
  // 安居物业's staff member, who lives in 锦绣花园; the street's 城管科 officer, who lives in 莲花苑.
  { key: 'qin-haiyang', name: '秦海洋', nickname: '物业小秦', born: 1989, home: ['jinxiu', 3, 1, '102'], roles: [] },
  { key: 'kong-fanrong', name: '孔繁荣', nickname: '城管孔科长', born: 1978, home: ['lianhua', 2, 1, '402'], roles: [] },
]

// ---------- Building the documents ----------

const DAY = 24 * 60 * 60 * 1000

const buildingId = (slug: string, n: number) => `b-${slug}-${n}`
const householdId = (slug: string, n: number, unit: number, room: string) => `h-${slug}-${n}-${unit}-${room}`

/** Everything the demo street holds, by collection name (the org module's collection names). */
export function demoData(now = new Date()): Record<string, object[]> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY)

  const streets: Street[] = [{ _id: DEMO_STREET_ID, name: '青山街道', district: '青山区' }]

  const compounds: Compound[] = []
  const buildings: Building[] = []
  const households: Household[] = []
  for (const c of COMPOUNDS) {
    compounds.push({ _id: `cp-${c.slug}`, communityId: c.communityId, name: c.name, address: c.address, gridId: c.gridId })
    for (let b = 1; b <= c.buildings; b++) {
      buildings.push({ _id: buildingId(c.slug, b), communityId: c.communityId, compoundId: `cp-${c.slug}`, name: `${b}栋`, units: c.units })
      for (let unit = 1; unit <= c.units; unit++) {
        for (let floor = 1; floor <= c.floors; floor++) {
          for (let k = 1; k <= c.perFloor; k++) {
            const room = `${floor}${String(k).padStart(2, '0')}`
            households.push({
              _id: householdId(c.slug, b, unit, room),
              communityId: c.communityId,
              compoundId: `cp-${c.slug}`,
              buildingId: buildingId(c.slug, b),
              unit,
              room,
            })
          }
        }
      }
    }
  }

  const communities: Community[] = COMMUNITIES.map((c) => {
    const householdCount = households.filter((h) => h.communityId === c.id).length
    return {
      _id: c.id,
      streetId: DEMO_STREET_ID,
      name: c.name,
      address: c.address,
      householdCount,
      // about 2.6 people per household, as the city's statistics put it
      population: Math.round(householdCount * 2.6),
    }
  })

  const householdById = new Map(households.map((h) => [h._id, h]))
  const homeOf = (p: PersonSpec): Household | null => {
    if (!p.home) return null
    const h = householdById.get(householdId(...p.home))
    if (!h) throw new Error(`demo seed: ${p.name} lives in a household that does not exist: ${p.home.join(' ')}`)
    return h
  }

  // A building head looks after the building they live in and those of the neighbours they act for
  // (the secretary's appointment; scope is never read from their own household).
  const headBuildings = (p: PersonSpec): string[] => {
    const wards = PEOPLE.filter((w) => w.proxy === p.key).map((w) => homeOf(w)?.buildingId)
    return [...new Set([homeOf(p)?.buildingId, ...wards].filter((b): b is string => !!b))]
  }
  const users: User[] = PEOPLE.map((p, i) => {
    const home = homeOf(p)
    const created = at(90 - i)
    const roles: RoleGrant[] = home ? [{ communityId: home.communityId, role: 'resident' }] : []
    for (const role of p.roles) {
      const communityId = role === 'street_admin' ? DEMO_STREET_ID : home!.communityId
      roles.push(role === 'building_head' ? { communityId, role, buildingIds: headBuildings(p) } : { communityId, role })
    }
    const proxies = p.proxy ? [{ proxyId: `u-${p.proxy}`, communityId: home!.communityId, since: at(60) }] : []
    return {
      _id: `u-${p.key}`,
      // Offline residents hold a placeholder WeChat never issues (the unique openid index counts nulls as equal).
      openid: p.proxy ? `offline_u-${p.key}` : `demo-${p.key}`,
      offline: Boolean(p.proxy),
      nickname: p.nickname,
      avatarUrl: null,
      realName: p.name,
      phone: `1380000${String(i + 1).padStart(4, '0')}`,
      householdId: home?._id ?? null,
      communityId: home?.communityId ?? null,
      buildingId: home?.buildingId ?? null,
      // The demo street starts confirmed, so the showcase works from the first tap.
      householdStatus: home ? 'verified' : null,
      householdDeclaredAt: home ? created : null,
      roles,
      proxies,
      privacy: p.noConsent ? null : { version: PRIVACY_VERSION, at: created },
      elderMode: p.elderMode ?? null,
      birthYear: p.born,
      createdAt: created,
      updatedAt: created,
    }
  })

  const userIds = new Set(users.map((u) => u._id))
  const grids: Grid[] = GRIDS.map((g) => {
    if (!userIds.has(`u-${g.worker}`)) throw new Error(`demo seed: grid worker ${g.worker} missing`)
    return {
      _id: g.id,
      communityId: g.communityId,
      name: g.name,
      compoundIds: compounds.filter((c) => c.gridId === g.id).map((c) => c._id),
      workerId: `u-${g.worker}`,
    }
  })

  return {
    streets,
    communities,
    compounds,
    buildings,
    households,
    grids,
    partner_units: PARTNER_UNITS.map((p) => ({ ...p })),
    users,
  }
}

/** Wipes every collection and inserts the demo street. */
export async function seedDemo(engine: SeedTarget, now = new Date()): Promise<void> {
  await engine.clearAll()
  for (const [collection, docs] of Object.entries(demoData(now))) await engine.insertMany(collection, docs)
  if (typeof engine.flush === 'function') await engine.flush()
}

/** The seed order of the demo people (user id → position), for listing them as seeded. */
export function demoUserOrder(): Map<string, number> {
  return new Map(PEOPLE.map((p, i) => [`u-${p.key}`, i]))
}
