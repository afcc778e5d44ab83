/**
 * Draws the four tab-bar icons (81×81 PNG, grey and party red) into src/assets/tab/, and the H5 build's
 * favicon (src/assets/favicon.ico: the 心愿 heart in white on party red, 32×32, a PNG inside an ICO).
 * Run once after changing a shape or a colour:  npx tsx config/tab-icons.ts
 * Shapes are signed-distance functions sampled 4×4 per pixel, so edges are anti-aliased.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'

const SIZE = 81
const OUT = path.resolve(__dirname, '../src/assets/tab')
const COLORS = { normal: [0x6b, 0x6b, 0x6b], active: [0xc8, 0x16, 0x1d] } as const

type Shape = (x: number, y: number) => boolean

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const roundRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r)
    const cy = Math.min(Math.max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
  }
const triangle =
  (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape =>
  (x, y) => {
    const s = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
    const d1 = s(ax, ay, bx, by),
      d2 = s(bx, by, cx, cy),
      d3 = s(cx, cy, ax, ay)
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
  }
const union =
  (...s: Shape[]): Shape =>
  (x, y) =>
    s.some((f) => f(x, y))
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y)

const ICONS: Record<string, Shape> = {
  // a house: roof and body, with a door cut out
  home: minus(union(triangle(40.5, 10, 8, 38, 73, 38), rect(16, 36, 65, 70)), rect(34, 48, 47, 70.5)),
  // a heart: two circles and a triangle
  wishes: union(circle(27, 31, 15), circle(54, 31, 15), triangle(13.5, 37, 67.5, 37, 40.5, 70)),
  // a speech bubble with three dots
  council: minus(union(roundRect(8, 12, 73, 56, 12), triangle(20, 50, 36, 50, 18, 70)), union(circle(25, 34, 4.5), circle(40.5, 34, 4.5), circle(56, 34, 4.5))),
  // a person: head and shoulders
  me: union(circle(40.5, 26, 14), minus(circle(40.5, 76, 30), rect(0, 72, 81, 81))),
}

fs.mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, rgb] of Object.entries(COLORS)) {
    const png = new PNG({ width: SIZE, height: SIZE })
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        let hits = 0
        for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++
        const i = (y * SIZE + x) * 4
        png.data[i] = rgb[0]
        png.data[i + 1] = rgb[1]
        png.data[i + 2] = rgb[2]
        png.data[i + 3] = Math.round((hits / 16) * 255)
      }
    }
    const file = path.join(OUT, `${name}${variant === 'active' ? '-active' : ''}.png`)
    fs.writeFileSync(file, PNG.sync.write(png))
    console.log('wrote', path.relative(process.cwd(), file))
  }
}

// The favicon: a red rounded square with the heart cut out in white, drawn on the same 81-unit grid.
const FAVICON = 32
const favicon = new PNG({ width: FAVICON, height: FAVICON })
const tile = roundRect(0, 0, 81, 81, 18)
for (let y = 0; y < FAVICON; y++) {
  for (let x = 0; x < FAVICON; x++) {
    let red = 0
    let white = 0
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const [u, v] = [((x + (sx + 0.5) / 4) * 81) / FAVICON, ((y + (sy + 0.5) / 4) * 81) / FAVICON]
        // the heart a little smaller than on the tab, centred on the tile
        const inHeart = ICONS.wishes(40.5 + (u - 40.5) * 1.15, 41 + (v - 40.5) * 1.15)
        if (inHeart) white++
        else if (tile(u, v)) red++
      }
    }
    const i = (y * FAVICON + x) * 4
    const a = (red + white) / 16
    const w = a ? white / (red + white) : 0
    favicon.data[i] = Math.round(COLORS.active[0] + (255 - COLORS.active[0]) * w)
    favicon.data[i + 1] = Math.round(COLORS.active[1] + (255 - COLORS.active[1]) * w)
    favicon.data[i + 2] = Math.round(COLORS.active[2] + (255 - COLORS.active[2]) * w)
    favicon.data[i + 3] = Math.round(a * 255)
  }
}
const png = PNG.sync.write(favicon)
// ICO: a 6-byte header, one 16-byte directory entry, then the PNG itself (every browser reads PNG-in-ICO).
const ico = Buffer.alloc(6 + 16)
ico.writeUInt16LE(0, 0) // reserved
ico.writeUInt16LE(1, 2) // type: icon
ico.writeUInt16LE(1, 4) // one image
ico.writeUInt8(FAVICON, 6) // width
ico.writeUInt8(FAVICON, 7) // height
ico.writeUInt8(0, 8) // no palette
ico.writeUInt8(0, 9) // reserved
ico.writeUInt16LE(1, 10) // colour planes
ico.writeUInt16LE(32, 12) // bits per pixel
ico.writeUInt32LE(png.length, 14) // size of the image
ico.writeUInt32LE(6 + 16, 18) // where it starts
const faviconFile = path.resolve(__dirname, '../src/assets/favicon.ico')
fs.writeFileSync(faviconFile, Buffer.concat([ico, png]))
console.log('wrote', path.relative(process.cwd(), faviconFile))
