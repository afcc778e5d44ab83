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
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: BRAND_RED,
    navigationBarTitleText: '社区共治',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F3EF',
  },
  tabBar: {
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
})
