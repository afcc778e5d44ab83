/**
 * Small real images for the storage tests, made here rather than shipped as binaries:
 * a PNG written by pngjs, a baseline JPEG (8×8 mid-grey, one component, one Huffman code per table,
 * assembled segment by segment), and the 1×1 lossy WebP browsers are commonly probed with.
 */
import { PNG } from 'pngjs'

export function pngImage(width = 4, height = 3): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) png.data.set([0xc8, 0x16, 0x1d, 0xff], i * 4)
  return PNG.sync.write(png)
}

function segment(marker: number, payload: number[]): Buffer {
  const length = payload.length + 2
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...payload])
}

export function jpegImage(): Buffer {
  const zeros = (n: number) => new Array<number>(n).fill(0)
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), // SOI
    segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF 1.01
    segment(0xdb, [0, ...new Array<number>(64).fill(1)]), // DQT: table 0, all ones
    segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8 bit, 8×8, one component
    segment(0xc4, [0x00, 1, ...zeros(15), 0x00]), // DHT DC 0: '0' → category 0
    segment(0xc4, [0x10, 1, ...zeros(15), 0x00]), // DHT AC 0: '0' → EOB
    segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    Buffer.from([0x3f]), // DC diff 0, EOB, padded with ones: a uniform block of 128
    Buffer.from([0xff, 0xd9]), // EOI
  ])
}

export const webpImage = (): Buffer => Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64')
