/**
 * The typed route table. app.config.ts generates `pages`, `subPackages` and the tab bar from it,
 * and every navigation goes through `go(route, params)` (src/services/nav.ts), so a page
 * that does not exist cannot be linked to.
 *
 * Pure data: this file is also evaluated at build time by Taro when it reads app.config.ts,
 * so it must not import the Taro runtime.
 */

export const MAIN_PAGES = {
  home: 'pages/home/index',
  wishes: 'pages/wishes/index',
  council: 'pages/council/index',
  me: 'pages/me/index',
  privacy: 'pages/privacy/index',
} as const

/** Subpackages: one per area, loaded on first visit so the main package stays small. */
export const SUBPACKAGES = {
  admin: {
    root: 'packages/admin',
    pages: {
      members: 'pages/members/index',
      member: 'pages/member/index',
      audit: 'pages/audit/index',
      households: 'pages/households/index',
      messages: 'pages/messages/index',
      street: 'pages/street/index',
    },
  },
  party: {
    root: 'packages/party',
    pages: {
      index: 'pages/index/index',
      register: 'pages/register/index',
      activities: 'pages/activities/index',
      activity: 'pages/activity/index',
      checkinCode: 'pages/checkin-code/index',
      scan: 'pages/scan/index',
      posts: 'pages/posts/index',
      pairs: 'pages/pairs/index',
      record: 'pages/record/index',
      adminMembers: 'pages/admin-members/index',
      adminActivity: 'pages/admin-activity/index',
      adminReport: 'pages/admin-report/index',
      adminCode: 'pages/admin-code/index',
      adminPairs: 'pages/admin-pairs/index',
      coverage: 'pages/coverage/index',
    },
  },
  wish: {
    root: 'packages/wish',
    pages: {
      detail: 'pages/detail/index',
      post: 'pages/post/index',
      mine: 'pages/mine/index',
      adminReview: 'pages/admin-review/index',
      adminOverdue: 'pages/admin-overdue/index',
      adminStats: 'pages/admin-stats/index',
      adminSettings: 'pages/admin-settings/index',
    },
  },
  points: {
    root: 'packages/points',
    pages: {
      index: 'pages/index/index',
      mine: 'pages/mine/index',
      item: 'pages/item/index',
      orders: 'pages/orders/index',
      order: 'pages/order/index',
      adminItems: 'pages/admin-items/index',
      adminItem: 'pages/admin-item/index',
      adminRules: 'pages/admin-rules/index',
      adminSponsors: 'pages/admin-sponsors/index',
      adminVerify: 'pages/admin-verify/index',
      adminOrders: 'pages/admin-orders/index',
      adminReport: 'pages/admin-report/index',
      adminGrant: 'pages/admin-grant/index',
    },
  },
  council: {
    root: 'packages/council',
    pages: {
      topic: 'pages/topic/index',
      new: 'pages/new/index',
      councils: 'pages/councils/index',
      queue: 'pages/queue/index',
      offline: 'pages/offline/index',
      meetings: 'pages/meetings/index',
      points: 'pages/points/index',
    },
  },
  services: {
    root: 'packages/services',
    pages: {
      index: 'pages/index/index',
      service: 'pages/service/index',
      mine: 'pages/mine/index',
      staff: 'pages/staff/index',
      manage: 'pages/manage/index',
      errands: 'pages/errands/index',
      venue: 'pages/venue/index',
    },
  },
  requests: {
    root: 'packages/requests',
    pages: {
      index: 'pages/index/index',
      mine: 'pages/mine/index',
      detail: 'pages/detail/index',
      queue: 'pages/queue/index',
      board: 'pages/board/index',
      settings: 'pages/settings/index',
      grids: 'pages/grids/index',
      units: 'pages/units/index',
      late: 'pages/late/index',
    },
  },
} as const

type SubRoutes = {
  [P in keyof typeof SUBPACKAGES as `${P & string}.${keyof (typeof SUBPACKAGES)[P]['pages'] & string}`]: string
}

/** Every route by name: 'home', 'admin.members', ... → absolute path. */
export const ROUTES = {
  home: '/pages/home/index',
  wishes: '/pages/wishes/index',
  council: '/pages/council/index',
  me: '/pages/me/index',
  privacy: '/pages/privacy/index',
  'admin.members': '/packages/admin/pages/members/index',
  'admin.member': '/packages/admin/pages/member/index',
  'admin.audit': '/packages/admin/pages/audit/index',
  'admin.households': '/packages/admin/pages/households/index',
  'admin.messages': '/packages/admin/pages/messages/index',
  'admin.street': '/packages/admin/pages/street/index',
  'party.index': '/packages/party/pages/index/index',
  'party.register': '/packages/party/pages/register/index',
  'party.activities': '/packages/party/pages/activities/index',
  'party.activity': '/packages/party/pages/activity/index',
  'party.checkinCode': '/packages/party/pages/checkin-code/index',
  'party.scan': '/packages/party/pages/scan/index',
  'party.posts': '/packages/party/pages/posts/index',
  'party.pairs': '/packages/party/pages/pairs/index',
  'party.record': '/packages/party/pages/record/index',
  'party.adminMembers': '/packages/party/pages/admin-members/index',
  'party.adminActivity': '/packages/party/pages/admin-activity/index',
  'party.adminReport': '/packages/party/pages/admin-report/index',
  'party.adminCode': '/packages/party/pages/admin-code/index',
  'party.adminPairs': '/packages/party/pages/admin-pairs/index',
  'party.coverage': '/packages/party/pages/coverage/index',
  'wish.detail': '/packages/wish/pages/detail/index',
  'wish.post': '/packages/wish/pages/post/index',
  'wish.mine': '/packages/wish/pages/mine/index',
  'wish.adminReview': '/packages/wish/pages/admin-review/index',
  'wish.adminOverdue': '/packages/wish/pages/admin-overdue/index',
  'wish.adminStats': '/packages/wish/pages/admin-stats/index',
  'wish.adminSettings': '/packages/wish/pages/admin-settings/index',
  'points.index': '/packages/points/pages/index/index',
  'points.mine': '/packages/points/pages/mine/index',
  'points.item': '/packages/points/pages/item/index',
  'points.orders': '/packages/points/pages/orders/index',
  'points.order': '/packages/points/pages/order/index',
  'points.adminItems': '/packages/points/pages/admin-items/index',
  'points.adminItem': '/packages/points/pages/admin-item/index',
  'points.adminRules': '/packages/points/pages/admin-rules/index',
  'points.adminSponsors': '/packages/points/pages/admin-sponsors/index',
  'points.adminVerify': '/packages/points/pages/admin-verify/index',
  'points.adminOrders': '/packages/points/pages/admin-orders/index',
  'points.adminReport': '/packages/points/pages/admin-report/index',
  'points.adminGrant': '/packages/points/pages/admin-grant/index',
  'council.topic': '/packages/council/pages/topic/index',
  'council.new': '/packages/council/pages/new/index',
  'council.councils': '/packages/council/pages/councils/index',
  'council.queue': '/packages/council/pages/queue/index',
  'council.offline': '/packages/council/pages/offline/index',
  'council.meetings': '/packages/council/pages/meetings/index',
  'council.points': '/packages/council/pages/points/index',
  'services.index': '/packages/services/pages/index/index',
  'services.service': '/packages/services/pages/service/index',
  'services.mine': '/packages/services/pages/mine/index',
  'services.staff': '/packages/services/pages/staff/index',
  'services.manage': '/packages/services/pages/manage/index',
  'services.errands': '/packages/services/pages/errands/index',
  'services.venue': '/packages/services/pages/venue/index',
  'requests.index': '/packages/requests/pages/index/index',
  'requests.mine': '/packages/requests/pages/mine/index',
  'requests.detail': '/packages/requests/pages/detail/index',
  'requests.queue': '/packages/requests/pages/queue/index',
  'requests.board': '/packages/requests/pages/board/index',
  'requests.settings': '/packages/requests/pages/settings/index',
  'requests.grids': '/packages/requests/pages/grids/index',
  'requests.units': '/packages/requests/pages/units/index',
  'requests.late': '/packages/requests/pages/late/index',
} as const satisfies Record<keyof typeof MAIN_PAGES | keyof SubRoutes, string>

export type RouteName = keyof typeof ROUTES

/** Tab pages (must be in the main package; navigated with switchTab). */
export const TABS = [
  { route: 'home', text: '首页', icon: 'home' },
  { route: 'wishes', text: '心愿', icon: 'wishes' },
  { route: 'council', text: '议事', icon: 'council' },
  { route: 'me', text: '我的', icon: 'me' },
] as const satisfies readonly { route: RouteName; text: string; icon: string }[]

export const TAB_ROUTES: readonly RouteName[] = TABS.map((t) => t.route)

/** Query parameters each page accepts (all strings, as the platform passes them). */
export interface RouteParams {
  'admin.members': { communityId: string }
  'admin.member': { communityId: string; userId: string }
  'admin.audit': { communityId: string }
  'admin.households': { communityId: string }
  'admin.messages': { communityId: string }
  'points.item': { communityId: string; itemId: string }
  'points.order': { communityId: string; orderId: string }
  'points.adminItems': { communityId: string }
  /** itemId absent = a new item */
  'points.adminItem': { communityId: string; itemId?: string }
  'points.adminRules': { communityId: string }
  'points.adminSponsors': { communityId: string }
  'points.adminVerify': { communityId: string }
  'points.adminOrders': { communityId: string }
  'points.adminReport': { communityId: string }
  'points.adminGrant': { communityId: string; userId: string; name: string }
  /** id = wish id; c = its community (short, for share-card and notification paths). */
  'wish.detail': { id: string; c?: string }
  /** onBehalfOf: a resident the building head acts for */
  'wish.post': { onBehalfOf?: string; name?: string }
  'wish.adminReview': { communityId: string }
  'wish.adminOverdue': { communityId: string }
  'wish.adminStats': { communityId: string }
  'wish.adminSettings': { communityId: string }
  /** scene: the token of a scanned 小程序码 (also ?scene= in H5) */
  'party.register': { scene?: string }
  'party.activity': { id: string; c?: string }
  'party.checkinCode': { communityId: string; activityId: string }
  'party.scan': { communityId: string; activityId?: string }
  'party.record': { communityId: string; userId?: string }
  'party.adminMembers': { communityId: string }
  /** activityId absent = a new activity */
  'party.adminActivity': { communityId: string; activityId?: string }
  'party.adminReport': { communityId: string }
  'party.adminCode': { communityId: string }
  'party.adminPairs': { communityId: string }
  'party.coverage': { streetId: string }
  /** id = topic id; c = its community (short, for share-card and notification paths). */
  'council.topic': { id: string; c?: string }
  /** scene: a 居民说事点's poster token (weapp options.scene, ?scene= in H5); onBehalfOf: a resident the building head acts for */
  'council.new': { scene?: string; onBehalfOf?: string; name?: string }
  'council.councils': { communityId: string }
  'council.queue': { communityId: string }
  /** topicId absent: pick one of the votes that are open */
  'council.offline': { communityId: string; topicId?: string }
  'council.meetings': { communityId: string }
  /** 一键报修 for someone else: onBehalfOf = a resident the building head acts for (name shown) */
  'requests.index': { onBehalfOf?: string; name?: string }
  /** id = request id; c = its community (short, for notification paths) */
  'requests.detail': { id: string; c?: string }
  /** The worker's queue; unitId opens a unit's queue (its staff), communityId a community's */
  'requests.queue': { communityId?: string; unitId?: string }
  'requests.board': { communityId: string }
  'requests.settings': { communityId: string }
  'requests.grids': { communityId: string }
  'requests.units': { communityId: string }
  'requests.late': { streetId: string }
  'council.points': { communityId: string }
  /** id = service id; c = its community */
  'services.service': { id: string; c?: string }
  /** booking: the booking to show (a reminder opens it); c = its community */
  'services.mine': { booking?: string; c?: string }
  'services.staff': { communityId: string }
  /** 场地预约: c = the community (optional: else where I live) */
  'services.venue': { c?: string }
  'services.manage': { communityId: string }
}

/** Routes that take no parameters. */
export type PlainRoute = Exclude<RouteName, keyof RouteParams>

/** Routes whose parameters are all optional (a tile may open them bare). */
export type OptionalRoute = { [R in keyof RouteParams]: object extends RouteParams[R] ? R : never }[keyof RouteParams]

/** Routes that open without parameters: the plain ones and those whose parameters are all optional. */
export type BareRoute = PlainRoute | OptionalRoute
