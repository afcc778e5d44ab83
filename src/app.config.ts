import { BRAND_RED } from './constants'
import { MAIN_PAGES, ROUTES, SUBPACKAGES, TABS } from './routes'

/** Generated from the route table in src/routes.ts: pages, subpackages and the tab bar. */
export default defineAppConfig({
  pages: Object.values(MAIN_PAGES),
  subPackages: Object.values(SUBPACKAGES).map((p) => ({ root: p.root, pages: Object.values(p.pages) as string[] })),
  // Load the admin area in the background once someone opens 我的 (secretaries go there next).
  preloadRule: {
    [MAIN_PAGES.me]: { network: 'all', packages: [SUBPACKAGES.admin.root] },
    // 积分超市 is one tap away on 首页.
    [MAIN_PAGES.home]: { network: 'all', packages: [SUBPACKAGES.points.root] },
    // A topic is one tap away on 议事.
    [MAIN_PAGES.council]: { network: 'all', packages: [SUBPACKAGES.council.root] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: BRAND_RED,
    navigationBarTitleText: '社区共治',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F3EF',
  },
  tabBar: {
    // Drawn by src/custom-tab-bar (so elder mode enlarges it); the list stays complete, as WeChat asks.
    custom: true,
    color: '#555555',
    selectedColor: BRAND_RED,
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: TABS.map((t) => ({
      pagePath: ROUTES[t.route].slice(1),
      text: t.text,
      iconPath: `assets/tab/${t.icon}.png`,
      selectedIconPath: `assets/tab/${t.icon}-active.png`,
    })),
  },
  lazyCodeLoading: 'requiredComponents',
  // Location APIs the code calls must be declared here (and applied for in the admin console, 开发管理 →
  // 接口设置), or WeChat answers "getLocation:fail the api need to be declared in the requiredPrivateInfos
  // field". Only activity check-in uses location: the organiser pins the place, the member's position is
  // compared with it (src/packages/party/pages/admin-activity, scan). test/weapp/privacy.test.ts checks that
  // every such API in the built code is declared. The privacy guide (src/pages/privacy) says the same.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '活动签到时确认您在活动地点附近' },
  },
})
