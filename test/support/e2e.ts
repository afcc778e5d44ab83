/**
 * What every browser test shares: a private copy of the H5 build (another suite may rebuild dist/h5 while
 * this one runs, and Taro empties the folder when a build starts), the local stack on an ephemeral port with
 * the bare demo street, Debian's Chromium through playwright-core, the function called directly as any demo
 * person, and small page helpers (consent, screenshots, computed sizes, waiting for text).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { ensureBuilt } from './build'
import { startStack } from '../../local/stack'
import type { Role } from '../../types/common'

export const CHROMIUM = '/usr/bin/chromium'
export const SHOTS = path.join(os.tmpdir(), 'community-e2e')
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface DevPerson {
  openid: string
  name: string
  roles: { communityId: string; role: Role }[]
}

export interface E2E {
  url: string
  people: DevPerson[]
  browser: Browser
  /** Call the function as a demo person; throws with the Chinese message unless ok. */
  api<T>(openid: string, action: string, data?: object): Promise<T>
  close(): Promise<void>
}

async function privateCopy(): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const dist = await ensureBuilt('h5')
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-h5-'))
    try {
      fs.cpSync(dist, copy, { recursive: true })
      const html = fs.readFileSync(path.join(copy, 'index.html'), 'utf8')
      const assets = Array.from(html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)).map((m) => m[1])
      if (assets.length > 0 && assets.every((a) => fs.existsSync(path.join(copy, a)))) return copy
    } catch {
      /* the build was being replaced while we copied: try again */
    }
    fs.rmSync(copy, { recursive: true, force: true })
    await new Promise((r) => setTimeout(r, 2000))
  }
  throw new Error('could not take a complete copy of dist/h5')
}

/**
 * `showcase`: the demo street with the few weeks of life `npm start` shows a newcomer (local/seed/scenario.ts).
 * `clock`: the time the function runs on (the stack's context.clock), for a test that lets time pass.
 */
export async function startE2E(opts: { showcase?: boolean; clock?: () => Date } = {}): Promise<E2E> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`)
  const dist = await privateCopy()
  const stack = await startStack({ port: 0, dataDir: null, seed: 'demo', showcase: opts.showcase ?? false, serveH5: dist, log: false, clock: opts.clock })
  const people = (await (await fetch(new URL('/dev/people', stack.url))).json()) as DevPerson[]
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  return {
    url: stack.url,
    people,
    browser,
    async api<T>(openid: string, action: string, data: object = {}): Promise<T> {
      const res = await fetch(new URL('/fn/api', stack.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data }),
      })
      const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } }
      if (!body.ok) throw new Error(`${action}: ${body.error?.message}`)
      return body.data
    },
    async close() {
      await browser.close()
      await stack.close()
      fs.rmSync(dist, { recursive: true, force: true })
    },
  }
}

/** A phone-sized, touch-enabled browser context in Chinese. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
}

/** Agree to the privacy guide if the app asks. */
export async function agreeIfAsked(page: Page): Promise<void> {
  const agree = page.locator('#privacy-agree:visible')
  if (await agree.count()) {
    await agree.click()
    await page.locator('#privacy-consent').waitFor({ state: 'detached' })
  }
}

/** Become a demo person through the local identity switcher. */
export async function switchTo(page: Page, url: string, openid: string): Promise<void> {
  await page.goto(url)
  await page.locator('#id-switcher-open:visible').click()
  await page.locator(`.id-switcher__person[data-openid="${openid}"]`).click()
  await page.waitForLoadState('load')
  await agreeIfAsked(page)
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(500) // let Taro's page slide finish
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage })
}

/** Computed font size and rendered height of the first visible match. */
export async function measure(page: Page, selector: string): Promise<{ fontSize: number; height: number }> {
  return page
    .locator(`${selector} >> visible=true`)
    .first()
    .evaluate((el) => {
      const cs = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      return { fontSize: parseFloat(cs.fontSize), height: box.height }
    })
}

/** Wait (up to 15 s) until the first match's text contains `text`; fail showing what it shows. */
export async function expectContains(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + 15_000
  let last: string
  for (;;) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? ''
    if (last.includes(text)) return
    if (Date.now() > deadline) throw new Error(`expected ${locator} to contain "${text}", it shows "${last.slice(0, 300)}"`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Open a route as a first page (a change of hash alone does not make Taro's router open it). */
export async function openRoute(page: Page, url: string, route: string): Promise<void> {
  await page.goto(`${url.replace(/\/$/, '')}/#${route}`)
  await page.reload()
  await page.waitForLoadState('load')
}

/** Ask the function until it agrees (the UI may still be settling); fail showing its last answer. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000
  let v = await read()
  while (!ok(v)) {
    if (Date.now() > deadline) throw new Error(`${what}: the function says ${JSON.stringify(v).slice(0, 400)}`)
    await new Promise((r) => setTimeout(r, 200))
    v = await read()
  }
  return v
}

/** Named steps of a tour: each step's time is kept, and a failing step leaves a full-page screenshot. */
export function tourSteps(page: () => Page): { timings: Record<string, number>; step(name: string, f: () => Promise<void>): Promise<void> } {
  const timings: Record<string, number> = {}
  return {
    timings,
    async step(name, f) {
      const t = Date.now()
      try {
        await f()
      } catch (e) {
        await shot(page(), `tour-fail-${name}`, true).catch(() => undefined)
        throw e
      }
      timings[name] = Date.now() - t
    },
  }
}
