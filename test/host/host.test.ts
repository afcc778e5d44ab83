/**
 * The local function host over real HTTP: identity only from the dev header and only on loopback,
 * the function's own answers passed through, size limits, the dev pages, local storage (and its
 * refusal to leave its folder), the H5 static files with SPA fallback, and data surviving a restart.
 */
import * as fs from 'fs'
import * as http from 'http'
import * as os from 'os'
import * as path from 'path'
import { startStack, type Stack } from '../../local/stack'
import { isLoopback } from '../../local/host/server'
import { DEMO, demoUserOrder } from '../../local/seed/demo'

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

async function post(stack: Stack, pathname: string, body: unknown, openid?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) headers['x-wx-openid'] = openid
  const res = await fetch(stack.url + pathname.replace(/^\//, ''), {
    method: 'POST',
    headers,
    body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

const callApi = (stack: Stack, openid: string | undefined, action: string, data?: object) =>
  post(stack, '/fn/api', data ? { action, data } : { action }, openid)

/** A raw GET that keeps the path exactly as written (fetch would normalise ../ away). */
function rawGet(stack: Stack, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: stack.port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('binding', () => {
  test('in dev-identity mode the host refuses any address but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5']) {
      await expect(startStack({ host, log: false })).rejects.toThrow(/loopback/)
    }
  })

  test('loopback means 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopback(h)).toBe(true)
    for (const h of ['0.0.0.0', '::', '', '192.168.0.1', '127.0.0.1.nip.io', 'localhost.example.com', '::ffff:10.0.0.1']) expect(isLoopback(h)).toBe(false)
  })
})

describe('a stack with the demo street', () => {
  let stack: Stack
  let h5: string
  const lines: string[] = []

  beforeAll(async () => {
    h5 = tmp('h5-')
    fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>社区</title><div id="app">INDEX</div>')
    fs.mkdirSync(path.join(h5, 'js'))
    fs.writeFileSync(path.join(h5, 'js', 'app.1a2b3c4d.js'), 'console.log("app")')
    fs.mkdirSync(path.join(h5, 'css'))
    fs.writeFileSync(path.join(h5, 'css', 'app.css'), 'body{}')
    stack = await startStack({ seed: 'demo', serveH5: h5, log: (l) => lines.push(l) })
  })
  afterAll(async () => {
    await stack?.close()
    fs.rmSync(h5, { recursive: true, force: true })
  })

  describe('POST /fn/api', () => {
    test('runs as the person named by the identity header', async () => {
      const me = await callApi(stack, DEMO.defaultResident.openid, 'org.me')
      expect(me.status).toBe(200)
      expect(me.body.ok).toBe(true)
      expect(me.body.data.userId).toBe(DEMO.defaultResident.id)
      expect(me.body.data.realName).toBe('王秀英')

      const sec = await callApi(stack, DEMO.secretaryXingfuli.openid, 'org.me')
      expect(sec.body.data.userId).toBe(DEMO.secretaryXingfuli.id)
      expect(sec.body.data.roles.map((r: any) => r.role)).toContain('secretary')
    })

    test('without the header the call has no WeChat identity', async () => {
      const res = await callApi(stack, undefined, 'org.me')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(typeof res.body.error.message).toBe('string')
    })

    test("an offline resident's placeholder id is no caller: nobody acts as an elderly resident without a phone", async () => {
      const res = await callApi(stack, 'offline_u-qian-guilan', 'org.me')
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })

    test('concurrent calls as different people each see their own caller', async () => {
      const people = [DEMO.defaultResident, DEMO.secretaryXingfuli, DEMO.secretaryHeping, DEMO.streetAdmin, DEMO.noConsent]
      const calls = Array.from({ length: 40 }, (_, i) => people[i % people.length])
      const answers = await Promise.all(calls.map((p) => callApi(stack, p.openid, 'org.me')))
      answers.forEach((a, i) => expect(a.body.data?.userId).toBe(calls[i].id))
    })

    test("the function's own validation answers bad events; malformed JSON gets INVALID_INPUT", async () => {
      const unknown = await callApi(stack, DEMO.defaultResident.openid, 'org.fly')
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const broken = await post(stack, '/fn/api', '{"action": "org.me"', DEMO.defaultResident.openid)
      expect(broken.status).toBe(200)
      expect(broken.body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
    })

    test('an unknown function is 404, a GET is 405', async () => {
      const res = await post(stack, '/fn/nosuchfunction', { action: 'org.me' }, DEMO.defaultResident.openid)
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const traversal = await post(stack, '/fn/..%2Fengine', { action: 'org.me' })
      expect(traversal.status).toBe(404)
      const get = await fetch(stack.url + 'fn/api')
      expect(get.status).toBe(405)
    })

    test('a body over 1 MB is refused with 413 and the envelope', async () => {
      const big = JSON.stringify({ action: 'org.me', data: { x: 'x'.repeat(1024 * 1024 + 10) } })
      const res = await post(stack, '/fn/api', big, DEMO.defaultResident.openid)
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      // and the host still answers afterwards
      expect((await callApi(stack, DEMO.defaultResident.openid, 'org.me')).body.ok).toBe(true)
    })

    test('logs one line per request', async () => {
      lines.length = 0
      await callApi(stack, DEMO.defaultResident.openid, 'org.me')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/POST \/fn\/api 200 .*org\.me as demo-wang-xiuying/)
    })
  })

  describe('dev pages', () => {
    test('/dev/people lists the people one can be, the default resident first', async () => {
      const res = await fetch(stack.url + 'dev/people')
      expect(res.headers.get('content-type')).toMatch(/application\/json/)
      const people = (await res.json()) as any[]
      expect(people.length).toBeGreaterThanOrEqual(40)
      for (const p of people) {
        expect(Object.keys(p).sort()).toEqual(['name', 'openid', 'roles'])
        expect(typeof p.openid).toBe('string')
        expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/)
        for (const r of p.roles) expect(Object.keys(r).sort()).toEqual(['communityId', 'role'])
      }
      expect(people[0].openid).toBe(DEMO.defaultResident.openid)
      expect(people[0].roles).toEqual([{ communityId: 'c-xingfuli', role: 'resident' }])
      const roles = new Set(people.flatMap((p) => p.roles.map((r: any) => r.role)))
      expect([...roles].sort()).toEqual(['building_head', 'grid_worker', 'party_member', 'resident', 'secretary', 'street_admin', 'volunteer'])
      expect(new Set(people.map((p) => p.openid)).size).toBe(people.length)
      // offline residents (placeholder openids) are not people one can be
      expect(people.some((p) => p.openid.startsWith('offline_'))).toBe(false)
      expect(people).toHaveLength(49)
    })

    test('/dev/people is a readable page in a browser', async () => {
      const res = await fetch(stack.url + 'dev/people', { headers: { accept: 'text/html' } })
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      const html = await res.text()
      expect(html).toContain('演示人员')
      expect(html).toContain('王秀英')
    })

    test('/dev/outbox lists subscribe messages newest first, with the recipient’s name', async () => {
      await stack.engine.insertMany('outbox', [
        {
          touser: DEMO.defaultResident.openid,
          templateId: 'tpl-wish-claimed',
          page: 'pages/wishes/detail?id=w1',
          data: { thing1: { value: '帮忙修水龙头' }, name2: { value: '孙丽华' } },
          at: new Date('2026-11-20T09:00:00Z'),
        },
        {
          touser: DEMO.secretaryXingfuli.openid,
          templateId: 'tpl-review',
          page: 'packages/admin/pages/review/index',
          data: { thing1: { value: '新的微心愿待审核' } },
          at: new Date('2026-11-20T10:00:00Z'),
        },
      ])
      const json = (await (await fetch(stack.url + 'dev/outbox.json')).json()) as any[]
      expect(json.slice(0, 2).map((e) => e.templateId)).toEqual(['tpl-review', 'tpl-wish-claimed'])
      expect(json[1]).toMatchObject({ toName: '王秀英', page: 'pages/wishes/detail?id=w1', data: { thing1: '帮忙修水龙头', name2: '孙丽华' } })
      const html = await (await fetch(stack.url + 'dev/outbox')).text()
      expect(html).toContain('订阅消息发件箱')
      expect(html).toContain('帮忙修水龙头')
      expect(html).toContain('刘桂芳')
      expect(html.indexOf('新的微心愿待审核')).toBeLessThan(html.indexOf('帮忙修水龙头'))
    })
  })

  describe('local storage', () => {
    test('an upload round-trips byte for byte', async () => {
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255])
      const up = await fetch(stack.url + 'storage/upload?path=' + encodeURIComponent('avatars/u-wang-xiuying 头像.png'), {
        method: 'POST',
        headers: { 'x-wx-openid': DEMO.defaultResident.openid },
        body: bytes,
      })
      expect(up.status).toBe(200)
      const { fileID, url } = (await up.json()) as { fileID: string; url: string }
      expect(fileID).toBe('cloud://local/avatars/u-wang-xiuying 头像.png')
      const got = await fetch(stack.url + url.replace(/^\//, ''))
      expect(got.status).toBe(200)
      expect(got.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes)
      expect(fs.existsSync(path.join(stack.storageDir, 'avatars', 'u-wang-xiuying 头像.png'))).toBe(true)
    })

    test('paths that leave the storage folder are refused', async () => {
      const secret = path.join(path.dirname(stack.storageDir), `secret-${process.pid}.txt`)
      fs.writeFileSync(secret, 'TOP SECRET')
      try {
        for (const p of ['../evil.txt', '../../evil.txt', '/etc/evil.txt', 'a/../../evil.txt', 'a\\..\\evil.txt', '', 'a//b.txt']) {
          const res = await fetch(stack.url + 'storage/upload?path=' + encodeURIComponent(p), {
            method: 'POST',
            headers: { 'x-wx-openid': DEMO.defaultResident.openid },
            body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          })
          expect(res.status).toBe(400)
        }
        expect(fs.existsSync(path.join(path.dirname(stack.storageDir), 'evil.txt'))).toBe(false)
        const name = path.basename(secret)
        for (const raw of [
          `/storage/../${name}`,
          `/storage/..%2F${name}`,
          `/storage/%2e%2e/${name}`,
          `/storage/a/..%2f..%2f${name}`,
          '/storage/..%5c..%5cetc%5cpasswd',
          '/storage/%2Fetc%2Fpasswd',
        ]) {
          const res = await rawGet(stack, raw)
          expect(res.body).not.toContain('TOP SECRET')
          expect(res.body).not.toContain('root:')
          expect([400, 404]).toContain(res.status)
        }
      } finally {
        fs.rmSync(secret, { force: true })
      }
    })
  })

  describe('the H5 build', () => {
    test('/ is index.html; files get their content types', async () => {
      const index = await fetch(stack.url)
      expect(index.status).toBe(200)
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await index.text()).toContain('INDEX')
      const js = await fetch(stack.url + 'js/app.1a2b3c4d.js')
      expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
      expect(await js.text()).toBe('console.log("app")')
      const css = await fetch(stack.url + 'css/app.css')
      expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    })

    test('unknown page paths fall back to index.html; missing assets are 404', async () => {
      const page = await fetch(stack.url + 'pages/wishes/index')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('INDEX')
      expect((await fetch(stack.url + 'js/missing.js')).status).toBe(404)
      // A doubled slash (stack.url ends in one) is a path, not a host name: no 500.
      const doubled = await fetch(stack.url + '/pages/wishes/index')
      expect(doubled.status).toBe(200)
    })

    test('static paths cannot leave the build folder', async () => {
      fs.writeFileSync(path.join(path.dirname(h5), `outside-${process.pid}.js`), 'OUTSIDE')
      try {
        for (const raw of [`/../outside-${process.pid}.js`, `/..%2Foutside-${process.pid}.js`, `/%2e%2e/outside-${process.pid}.js`]) {
          const res = await rawGet(stack, raw)
          expect(res.body).not.toContain('OUTSIDE')
        }
      } finally {
        fs.rmSync(path.join(path.dirname(h5), `outside-${process.pid}.js`), { force: true })
      }
    })
  })
})

describe('persistence', () => {
  test('data written through the function survives a restart; the demo is not seeded twice', async () => {
    const dataDir = tmp('stack-data-')
    try {
      const first = await startStack({ dataDir, seed: 'if-empty', log: false })
      expect(first.seeded).toBe(true)
      const changed = await callApi(first, DEMO.defaultResident.openid, 'org.updateProfile', { nickname: '秀英阿姨' })
      expect(changed.body).toMatchObject({ ok: true, data: { nickname: '秀英阿姨' } })
      const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
      const up = await fetch(first.url + 'storage/upload?path=notes/hello.jpg', {
        method: 'POST',
        headers: { 'x-wx-openid': DEMO.defaultResident.openid },
        body: photo,
      })
      expect(up.status).toBe(200)
      await first.close()

      const second = await startStack({ dataDir, seed: 'if-empty', log: false })
      try {
        expect(second.seeded).toBe(false)
        const me = await callApi(second, DEMO.defaultResident.openid, 'org.me')
        expect(me.body.data.nickname).toBe('秀英阿姨')
        // The demo people, once each (the seed is not run twice).
        expect(await second.engine.count('users')).toBe(demoUserOrder().size)
        expect(Buffer.from(await (await fetch(second.url + 'storage/notes/hello.jpg')).arrayBuffer())).toEqual(photo)
      } finally {
        await second.close()
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
