/**
 * Runs the built mini-program (dist/weapp) inside miniprogram-simulate, WeChat's own component
 * test tool: real WXML templates (base.wxml, utils.wxs) compiled by its bundled compiler, the
 * real Taro runtime and React rendering through setData into a jsdom tree.
 *
 * miniprogram-simulate only knows `Component()`, so this harness supplies the rest of the
 * mini-program globals: `wx` (with `wx.cloud.callFunction` answered by a function the test
 * passes in), `App`, `getApp`, `getCurrentPages`, and `Page(options)` mapped onto `Component`.
 */
import path from 'node:path'

// jsdom comes with miniprogram-simulate's toolchain; typed loosely here (no @types/jsdom installed).

const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options?: object) => { window: any } }

export interface CallFunctionArgs {
  name: string
  data: unknown
}

export interface WeappHarness {
  /** Every event the app sent to cloud functions, in order. */
  calls: CallFunctionArgs[]
  storage: Map<string, unknown>
  toasts: string[]
  /** Renders a page (route without leading slash, e.g. 'pages/home/index'). */
  openPage(route: string, query?: Record<string, string>): RenderedPage
}

export interface RenderedPage {
  dom: Element
  text(): string
  /** Polls until the page's text contains every string (rendering is asynchronous). */
  waitForText(strings: string | string[], timeoutMs?: number): Promise<string>
  detach(): void
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type AnyFn = (...args: any[]) => any

export function startWeapp(dist: string, callFunction: (args: CallFunctionArgs) => Promise<unknown>): WeappHarness {
  const g = global as any
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  for (const k of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'MutationObserver', 'getComputedStyle']) {
    g[k] = k === 'window' ? dom.window : (dom.window as any)[k]
  }

  const calls: CallFunctionArgs[] = []
  const storage = new Map<string, unknown>()
  const toasts: string[] = []
  const ok = (extra: object = {}) => ({ errMsg: 'ok', ...extra })
  /** Calls `success`/`complete` callbacks the way wx does, and returns the result too. */
  const withCallbacks =
    (fn: (o: any) => any) =>
    (o: any = {}) => {
      const r = fn(o)
      o.success?.(r)
      o.complete?.(r)
      return r
    }

  g.wx = {
    cloud: {
      init: () => undefined,
      callFunction: async (o: { name: string; data: unknown; success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) => {
        calls.push({ name: o.name, data: o.data })
        // Events travel as JSON in WeChat: nothing but plain data reaches the function.
        const event = JSON.parse(JSON.stringify(o.data))
        const result = JSON.parse(JSON.stringify(await callFunction({ name: o.name, data: event })))
        const res = { result, errMsg: 'cloud.callFunction:ok', requestID: String(calls.length) }
        o.success?.(res)
        o.complete?.(res)
        return res
      },
    },
    getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, screenWidth: 375, pixelRatio: 2, platform: 'devtools', SDKVersion: '3.4.0' }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', fontSizeSetting: 16, fontSizeScaleFactor: 1 }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    showToast: withCallbacks((o) => {
      toasts.push(o.title)
      return ok()
    }),
    showLoading: withCallbacks(() => ok()),
    hideLoading: withCallbacks(() => ok()),
    stopPullDownRefresh: withCallbacks(() => ok()),
    onNeedPrivacyAuthorization: () => undefined,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
  }

  let app: any = null
  const pages: any[] = []
  let currentRoute = ''
  let currentQuery: Record<string, string> = {}
  g.App = (opts: any) => {
    app = opts
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages

  const simulate = require('miniprogram-simulate')
  g.Page = (opts: Record<string, unknown>) => {
    const methods: Record<string, AnyFn> = {}
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v as AnyFn
    const route = currentRoute
    const query = currentQuery
    g.Component({
      data: opts.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = route
          this.__route__ = route
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
        detached(this: any) {
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }

  require(path.join(dist, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })
  app.onShow?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })

  return {
    calls,
    storage,
    toasts,
    openPage(route, query = {}) {
      currentRoute = route
      currentQuery = query
      const id = simulate.load(path.join(dist, route), 'page', { rootPath: dist })
      const page = simulate.render(id)
      const parent = document.createElement('parent-wrapper')
      document.body.appendChild(parent)
      page.attach(parent)
      const text = () => String(page.dom.textContent ?? '')
      return {
        dom: page.dom,
        text,
        async waitForText(strings, timeoutMs = 10_000) {
          const want = Array.isArray(strings) ? strings : [strings]
          const deadline = Date.now() + timeoutMs
          for (;;) {
            const t = text()
            if (want.every((s) => t.includes(s))) return t
            if (Date.now() > deadline) {
              throw new Error(`page ${route} never showed ${JSON.stringify(want.filter((s) => !t.includes(s)))}; it shows: ${t.slice(0, 500)}`)
            }
            await sleep(50)
          }
        },
        detach() {
          page.detach()
        },
      }
    },
  }
}
