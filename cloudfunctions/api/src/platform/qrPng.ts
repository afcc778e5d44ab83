/**
 * A QR code as a PNG, small and fast: the QR matrix from qrcode's core (no renderer), the PNG written here
 * with Node's native zlib (8-bit grayscale, no row filter). qrcode's own PNG renderer goes through pngjs,
 * whose pure-JS pixel loops cost ~5 s per image inside jest's VM (50 ms in plain Node) and add pngjs to the
 * function bundle; this costs a few milliseconds in both.
 */
import { crc32 } from './crc32'
import { deflateSync } from 'zlib'

// The core module only (lib/index.js would pull in every renderer and pngjs).

const core = require('qrcode/lib/core/qrcode') as {
  create(text: string, opts?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: { size: number; get(row: number, col: number): number | boolean } }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** `text` as a black-on-white QR PNG about `width` pixels wide with a quiet zone of `margin` modules. */
export function qrPng(text: string, opts: { width?: number; margin?: number; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' } = {}): Buffer {
  const { modules } = core.create(text, { errorCorrectionLevel: opts.errorCorrectionLevel ?? 'M' })
  const margin = opts.margin ?? 2
  const cells = modules.size + 2 * margin
  const scale = Math.max(1, Math.floor((opts.width ?? cells * 4) / cells))
  const side = cells * scale
  const raw = Buffer.alloc((side + 1) * side, 255) // each row: filter byte 0, then one byte per pixel
  for (let y = 0; y < side; y++) {
    const rowStart = y * (side + 1)
    raw[rowStart] = 0
    const r = Math.floor(y / scale) - margin
    if (r < 0 || r >= modules.size) continue
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue
      const x0 = rowStart + 1 + (c + margin) * scale
      raw.fill(0, x0, x0 + scale)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // grayscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** The same as a data URL for an <Image src>. */
export const qrDataUrl = (text: string, opts?: Parameters<typeof qrPng>[1]) => `data:image/png;base64,${qrPng(text, opts).toString('base64')}`
