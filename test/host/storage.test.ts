/**
 * Local storage as an attacker would try it: uploads need a known identity (the x-wx-openid the host
 * honours for /fn/api, naming a user), are images by their bytes only (JPEG, PNG, WebP; ≤ 2 MB), are stored
 * under the extension of what they are, count against the person's write limit (60 a minute), never
 * replace another file; and nothing in storage — uploaded or put on disk by hand — is served as anything
 * but an image with nosniff.
 */
import * as fs from 'fs'
import * as path from 'path'
import { startStack, type Stack } from '../../local/stack'
import { MAX_UPLOAD_BODY, UPLOAD_RATE_LIMIT } from '../../local/host/server'
import { DEMO } from '../../local/seed/demo'
import { jpegImage, pngImage, webpImage } from './images'

const RESIDENT = DEMO.defaultResident.openid
const CHINESE = /[\u4e00-\u9fa5]/

function upload(stack: Stack, rel: string, body: Buffer | string, openid?: string, headers: Record<string, string> = {}) {
  return fetch(stack.url + 'storage/upload?path=' + encodeURIComponent(rel), {
    method: 'POST',
    headers: { ...(openid !== undefined ? { 'x-wx-openid': openid } : {}), ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
}

/** Every file under the storage folder, relative, sorted. */
function stored(stack: Stack): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else out.push(path.relative(stack.storageDir, full).split(path.sep).join('/'))
    }
  }
  walk(stack.storageDir)
  return out.sort()
}

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } }
  expect(body).toMatchObject({ ok: false, error: { code } })
  expect(body.error.message).toMatch(CHINESE)
  return body.error.message
}

describe('local storage', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack({ seed: 'demo', log: false })
  })
  afterAll(async () => {
    await stack?.close()
  })

  describe('who may upload', () => {
    test('an anonymous upload is refused with 401 and nothing is written', async () => {
      const before = stored(stack)
      await expectRefused(await upload(stack, 'wishes/anon.png', pngImage()), 401, 'UNAUTHENTICATED')
      await expectRefused(await upload(stack, 'wishes/anon2.png', pngImage(), '   '), 401, 'UNAUTHENTICATED')
      expect(stored(stack)).toEqual(before)
    })

    test('an openid that names no user is refused with 401, and so is an offline resident’s placeholder', async () => {
      const before = stored(stack)
      await expectRefused(await upload(stack, 'wishes/nobody.png', pngImage(), 'o-nobody-at-all'), 401, 'UNAUTHENTICATED')
      const [offline] = await stack.engine.find('users', { offline: true }, { limit: 1 })
      expect(offline?.openid).toMatch(/^offline_/)
      await expectRefused(await upload(stack, 'wishes/offline.png', pngImage(), offline.openid), 401, 'UNAUTHENTICATED')
      expect(stored(stack)).toEqual(before)
    })

    test('a host that does not honour the identity header (dev identity off) takes no uploads at all', async () => {
      const plain = await startStack({ devIdentity: false, log: false })
      try {
        await expectRefused(await upload(plain, 'wishes/a.png', pngImage(), RESIDENT), 401, 'UNAUTHENTICATED')
        expect(stored(plain)).toEqual([])
      } finally {
        await plain.close()
      }
    })
  })

  describe('what may be uploaded', () => {
    test('HTML, SVG, text or a GIF named .png and labelled image/png is refused with 415 and nothing is written', async () => {
      const before = stored(stack)
      const bodies = [
        '<!doctype html><html><body><script>fetch("/fn/api")</script></body></html>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        'just some text, no image here',
        Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
        Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47]), // a truncated PNG signature
        '',
      ]
      for (const [i, body] of bodies.entries()) {
        const message = await expectRefused(await upload(stack, `wishes/fake-${i}.png`, body, RESIDENT, { 'content-type': 'image/png' }), 415, 'INVALID_INPUT')
        expect(message).toMatch(/JPEG|PNG|WebP/)
      }
      expect(stored(stack)).toEqual(before)
    })

    test('a real PNG, JPEG and WebP are accepted whatever their name and header, stored as what they are, and served as that with nosniff', async () => {
      const cases = [
        { bytes: pngImage(), name: 'wishes/p1.jpg', mime: 'image/png', file: 'wishes/p1.png' },
        { bytes: jpegImage(), name: 'wishes/j1.png', mime: 'image/jpeg', file: 'wishes/j1.jpg' },
        { bytes: jpegImage(), name: 'wishes/j2.jpeg', mime: 'image/jpeg', file: 'wishes/j2.jpeg' },
        { bytes: webpImage(), name: 'wishes/w1', mime: 'image/webp', file: 'wishes/w1.webp' },
        { bytes: pngImage(), name: 'wishes/page.html', mime: 'image/png', file: 'wishes/page.png' },
      ]
      for (const c of cases) {
        const up = await upload(stack, c.name, c.bytes, RESIDENT, { 'content-type': 'text/html' })
        expect(up.status).toBe(200)
        const { fileID, url } = (await up.json()) as { fileID: string; url: string }
        expect(fileID).toBe(`cloud://local/${c.file}`)
        expect(url).toBe(`/storage/${c.file}`)
        expect(fs.readFileSync(path.join(stack.storageDir, c.file))).toEqual(c.bytes)

        const got = await fetch(stack.url + url.slice(1))
        expect(got.status).toBe(200)
        expect(got.headers.get('content-type')).toBe(c.mime)
        expect(got.headers.get('x-content-type-options')).toBe('nosniff')
        expect(got.headers.get('content-security-policy')).toContain('sandbox')
        expect(Buffer.from(await got.arrayBuffer())).toEqual(c.bytes)
        const head = await fetch(stack.url + url.slice(1), { method: 'HEAD' })
        expect(head.headers.get('content-type')).toBe(c.mime)
      }
      // The name the uploader chose is not there: /storage/wishes/page.html does not exist.
      expect(fs.existsSync(path.join(stack.storageDir, 'wishes', 'page.html'))).toBe(false)
      expect((await fetch(stack.url + 'storage/wishes/page.html')).status).toBe(404)
    })

    test('bytes that start like a PNG but hold HTML are stored as .png and only ever served as image/png, nosniff', async () => {
      const polyglot = Buffer.concat([pngImage().subarray(0, 8), Buffer.from('<html><script>alert(document.cookie)</script></html>')])
      const up = await upload(stack, 'wishes/poly.html', polyglot, RESIDENT)
      expect(up.status).toBe(200)
      const { url } = (await up.json()) as { url: string }
      expect(url).toBe('/storage/wishes/poly.png')
      const got = await fetch(stack.url + url.slice(1))
      expect(got.headers.get('content-type')).toBe('image/png')
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    })

    test(`an image over ${MAX_UPLOAD_BODY / 1024 / 1024} MB is refused with 413 saying the limit; exactly the limit is fine`, async () => {
      const before = stored(stack)
      const big = Buffer.concat([pngImage(), Buffer.alloc(MAX_UPLOAD_BODY)])
      const message = await expectRefused(await upload(stack, 'wishes/big.png', big, RESIDENT), 413, 'INVALID_INPUT')
      expect(message).toContain('2 MB')
      expect(stored(stack)).toEqual(before)

      const png = pngImage()
      const atLimit = Buffer.concat([png, Buffer.alloc(MAX_UPLOAD_BODY - png.length)])
      const ok = await upload(stack, 'wishes/at-limit.png', atLimit, RESIDENT)
      expect(ok.status).toBe(200)
    })

    test('an upload never replaces an existing file (409): one person cannot swap another’s photo', async () => {
      const first = pngImage(2, 2)
      expect((await upload(stack, 'wishes/mine.png', first, RESIDENT)).status).toBe(200)
      await expectRefused(await upload(stack, 'wishes/mine.png', pngImage(5, 5), DEMO.secretaryXingfuli.openid), 409, 'CONFLICT')
      // …nor by naming it with another extension of the same type
      await expectRefused(await upload(stack, 'wishes/mine.jpg', pngImage(6, 6), DEMO.secretaryXingfuli.openid), 409, 'CONFLICT')
      expect(fs.readFileSync(path.join(stack.storageDir, 'wishes', 'mine.png'))).toEqual(first)
      expect(stored(stack).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })
  })

  describe('what is served', () => {
    test('files put straight on disk are served only if they are images: never as text/html, svg or text', async () => {
      const dir = path.join(stack.storageDir, 'disk')
      fs.mkdirSync(dir, { recursive: true })
      const html = '<!doctype html><script>document.title="owned"</script>'
      fs.writeFileSync(path.join(dir, 'evil.html'), html)
      fs.writeFileSync(path.join(dir, 'evil.htm'), html)
      fs.writeFileSync(path.join(dir, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
      fs.writeFileSync(path.join(dir, 'evil.js'), 'alert(1)')
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello')
      fs.writeFileSync(path.join(dir, 'noext'), html)
      fs.writeFileSync(path.join(dir, 'fake.png'), html) // an image name over HTML bytes
      fs.writeFileSync(path.join(dir, 'swapped.jpg'), pngImage()) // a PNG under a JPEG name
      for (const name of ['evil.html', 'evil.htm', 'evil.svg', 'evil.js', 'notes.txt', 'noext', 'fake.png', 'swapped.jpg']) {
        for (const method of ['GET', 'HEAD']) {
          const res = await fetch(stack.url + `storage/disk/${name}`, { method })
          expect({ name, method, status: res.status }).toEqual({ name, method, status: 404 })
          expect(res.headers.get('content-type') ?? '').not.toMatch(/html|svg|javascript/)
          const text = await res.text()
          expect(text).not.toContain('<script>')
        }
      }
      // an image put on disk the same way (an older upload) is still served, as what it is
      fs.writeFileSync(path.join(dir, 'old.jpg'), jpegImage())
      const old = await fetch(stack.url + 'storage/disk/old.jpg')
      expect(old.status).toBe(200)
      expect(old.headers.get('content-type')).toBe('image/jpeg')
      expect(old.headers.get('x-content-type-options')).toBe('nosniff')
    })
  })

  describe('how often', () => {
    test(`upload number ${UPLOAD_RATE_LIMIT + 1} in a minute is refused with 429 and not written; others are unaffected`, async () => {
      const who = DEMO.secretaryHeping.openid
      for (let i = 0; i < UPLOAD_RATE_LIMIT; i++) {
        const res = await upload(stack, `rate/${i}.png`, pngImage(), who)
        expect({ i, status: res.status }).toEqual({ i, status: 200 })
      }
      const over = await upload(stack, `rate/${UPLOAD_RATE_LIMIT}.png`, pngImage(), who)
      const message = await expectRefused(over, 429, 'RATE_LIMITED')
      expect(message).toContain(String(UPLOAD_RATE_LIMIT))
      expect(over.headers.get('retry-after')).toBe('60')
      expect(fs.existsSync(path.join(stack.storageDir, 'rate', `${UPLOAD_RATE_LIMIT}.png`))).toBe(false)
      // refused attempts count too: still refused
      await expectRefused(await upload(stack, 'rate/again.png', pngImage(), who), 429, 'RATE_LIMITED')
      // the limit is per person
      expect((await upload(stack, 'rate/someone-else.png', pngImage(), DEMO.streetAdmin.openid)).status).toBe(200)
    })
  })
})
