/**
 * The H5 app's upload code (src/services/upload.ts, used by the wish photo picker) against the real host:
 * it sends the same x-wx-openid identity as call() does for /fn/api — the chosen demo person, or the
 * first one of /dev/people — and shows the host's own Chinese message when an upload is refused.
 * The browser is stood in for by a fetch that resolves the app's relative URLs against the stack.
 */
import { startStack, type Stack } from '../../local/stack'
import { DEMO } from '../../local/seed/demo'
import { UploadError, uploadToLocalStorage } from '../../src/services/upload'
import { pngImage } from './images'

let stack: Stack
const realFetch = globalThis.fetch
const sent: { url: string; openid: string | null }[] = []
const g = globalThis as unknown as { window?: unknown }

beforeAll(async () => {
  stack = await startStack({ seed: 'demo', log: false })
  process.env.TARO_ENV = 'h5'
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), stack.url)
    sent.push({ url: url.pathname, openid: new Headers(init?.headers).get('x-wx-openid') })
    return realFetch(url, init)
  }) as typeof fetch
})
afterAll(async () => {
  globalThis.fetch = realFetch
  Reflect.deleteProperty(process.env, 'TARO_ENV')
  delete g.window
  await stack?.close()
})
beforeEach(() => {
  sent.length = 0
})

test('with no one chosen, the upload goes as the first demo person — the identity /fn/api calls use', async () => {
  const up = await uploadToLocalStorage('wishes/client-1.jpg', new Blob([new Uint8Array(pngImage())], { type: 'image/jpeg' }))
  expect(up).toEqual({ fileID: 'cloud://local/wishes/client-1.png', url: '/storage/wishes/client-1.png' })
  expect(sent.find((r) => r.url === '/storage/upload')?.openid).toBe(DEMO.defaultResident.openid)
})

test('with a person chosen in 切换身份, the upload goes as that person', async () => {
  g.window = { localStorage: { getItem: (k: string) => (k === 'dev-openid' ? DEMO.secretaryXingfuli.openid : null) } }
  try {
    await uploadToLocalStorage('wishes/client-2.jpg', new Blob([new Uint8Array(pngImage())]))
    expect(sent.find((r) => r.url === '/storage/upload')?.openid).toBe(DEMO.secretaryXingfuli.openid)
  } finally {
    delete g.window
  }
})

test("a refused upload throws the host's Chinese message", async () => {
  const err = await uploadToLocalStorage('wishes/client-3.jpg', new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/jpeg' })).catch((e) => e)
  expect(err).toBeInstanceOf(UploadError)
  expect(err.status).toBe(415)
  expect(err.message).toMatch(/只能上传图片/)
})
