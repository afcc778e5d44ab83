import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES, type RouteName, type RouteParams } from '../routes'

type ParamsOf<R extends RouteName> = R extends keyof RouteParams ? RouteParams[R] : undefined
/** No parameters for a plain route; optional when every parameter is (RouteParams); else required. */
type ParamsArg<R extends RouteName> = ParamsOf<R> extends undefined ? [] : object extends ParamsOf<R> ? [ParamsOf<R>?] : [ParamsOf<R>]

/** Navigate by route name: tab pages with switchTab, the rest with navigateTo. */
export function go<R extends RouteName>(route: R, ...params: ParamsArg<R>): void {
  const path = ROUTES[route]
  if (TAB_ROUTES.includes(route)) {
    Taro.switchTab({ url: path })
    return
  }
  const p = params[0] as Record<string, string> | undefined
  const query = p
    ? '?' +
      Object.entries(p)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&')
    : ''
  Taro.navigateTo({ url: path + query })
}

/** A scanned code's scene (weapp's options.scene, ?scene= in H5; both in useRouter().params), decoded and trimmed; null when there is none. */
export function sceneParam(raw: string | undefined): string | null {
  if (!raw) return null
  try {
    return decodeURIComponent(raw).trim() || null
  } catch {
    return raw.trim() || null
  }
}
