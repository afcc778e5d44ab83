/**
 * Every subscribe message the function sends is asked for in a tap of the app (WeChat answers 43101
 * otherwise), and no tap asks for more than WeChat's 3 templates at once. Read from the sources: the
 * server's sends (`notify(…, '<template>'` / `template: '<template>'`) and the app's asks (the template
 * lists in files that call askSubscribe).
 */
import fs from 'node:fs'
import path from 'node:path'
import { TEMPLATE_NAMES } from '../../types/templates'

const ROOT = path.resolve(__dirname, '../..')
function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : []
  })
}
const NAME = `(?:${TEMPLATE_NAMES.join('|')})`

test('what the function sends, the app asks for; at most 3 templates per ask', () => {
  const sent = new Set<string>()
  for (const f of files(path.join(ROOT, 'cloudfunctions/api/src'), /\.ts$/)) {
    const src = fs.readFileSync(f, 'utf8')
    for (const m of src.matchAll(new RegExp(`notify\\([^)]*?'(${NAME})'|template: '(${NAME})'`, 'g'))) sent.add(m[1] ?? m[2])
  }
  expect([...sent].sort()).toEqual([...TEMPLATE_NAMES].sort())

  const asked = new Set<string>()
  const asks: string[][] = []
  for (const f of files(path.join(ROOT, 'src'), /\.tsx?$/)) {
    const src = fs.readFileSync(f, 'utf8')
    if (!/askSubscribe\(/.test(src) || f.endsWith(path.join('services', 'subscribe.ts'))) continue
    for (const m of src.matchAll(new RegExp(`\\[\\s*('${NAME}'(?:\\s*,\\s*'${NAME}')*)\\s*\\]`, 'g'))) {
      const list = m[1].split(',').map((x) => x.trim().replace(/'/g, ''))
      asks.push(list)
      list.forEach((n) => asked.add(n))
    }
  }
  expect(asks.length).toBeGreaterThan(0)
  for (const a of asks) {
    expect(a.length).toBeLessThanOrEqual(3)
    expect(new Set(a).size).toBe(a.length)
  }
  expect([...asked].sort()).toEqual([...TEMPLATE_NAMES].sort())
})
