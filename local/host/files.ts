/**
 * Files on disk for the host: the H5 build (static, SPA fallback) and local cloud storage.
 * Every path coming from a request goes through `safeJoin`, which refuses anything that could
 * leave its root (.., absolute paths, backslashes, NUL and other control characters).
 *
 * Storage holds images only: an upload is recognised by its bytes (`sniffImage`), stored under the
 * extension of what it is (`withImageExtension`), and served back only when its extension and its bytes
 * agree on one of those image types (`sendStoredImage`) — never as HTML, script or anything a browser
 * would run on the app's origin.
 */
import * as fs from 'fs'
import * as path from 'path'
import type { ServerResponse } from 'http'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * `root` joined with a relative, '/'-separated path, or null when the path is unsafe or would
 * resolve outside root. Empty segments, '.', '..' and control characters are refused outright.
 */
export function safeJoin(root: string, rel: string): string | null {
  if (!rel || rel.length > 1024) return null
  // eslint-disable-next-line no-control-regex -- refusing control characters in a path is the point
  if (/[\u0000-\u001f\u007f\\]/.test(rel)) return null
  if (rel.startsWith('/')) return null
  const segments = rel.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null
  const base = path.resolve(root)
  const full = path.resolve(base, ...segments)
  if (full !== base && !full.startsWith(base + path.sep)) return null
  return full
}

/** Decodes a URL path (percent-encoding), or null when it is malformed. */
export function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p)
  } catch {
    return null
  }
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** The image types local storage accepts and serves, recognised by their first bytes. */
export interface ImageType {
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
  /** The extension a stored file of this type gets. */
  ext: '.jpg' | '.png' | '.webp'
  /** Extensions a stored file of this type may have. */
  exts: readonly string[]
}

export const IMAGE_TYPES: readonly ImageType[] = [
  { mime: 'image/jpeg', ext: '.jpg', exts: ['.jpg', '.jpeg'] },
  { mime: 'image/png', ext: '.png', exts: ['.png'] },
  { mime: 'image/webp', ext: '.webp', exts: ['.webp'] },
]

/** Bytes needed to recognise any of IMAGE_TYPES. */
export const SNIFF_BYTES = 12

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/**
 * What image the bytes are, by their magic numbers alone (never the name or a content-type header):
 * JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; WebP "RIFF" <size> "WEBP". Anything else is null.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return IMAGE_TYPES[0]
  if (startsWith(bytes, PNG_SIGNATURE)) return IMAGE_TYPES[1]
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return IMAGE_TYPES[2]
  return null
}

/** The image type a stored file's extension names, or null (html, svg, txt, none …). */
export function imageTypeOfName(file: string): ImageType | null {
  const ext = path.extname(file).toLowerCase()
  return IMAGE_TYPES.find((t) => t.exts.includes(ext)) ?? null
}

/**
 * A '/'-separated storage path with its extension made to match the detected type:
 * 'a/b.png' stays (a PNG), 'a/b.jpg' → 'a/b.png' (a PNG), 'a/b.html' → 'a/b.png', 'a/b' → 'a/b.png'.
 */
export function withImageExtension(rel: string, type: ImageType): string {
  const slash = rel.lastIndexOf('/')
  const base = rel.slice(slash + 1)
  const dot = base.lastIndexOf('.')
  const current = dot > 0 ? base.slice(dot).toLowerCase() : ''
  if (type.exts.includes(current)) return rel
  const stem = dot > 0 ? rel.slice(0, slash + 1 + dot) : rel
  return stem + type.ext
}

function notFound(res: ServerResponse): number {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
  res.end('未找到')
  return 404
}

/**
 * Serves a file from local storage only when it is an image: its extension names one of IMAGE_TYPES and
 * its first bytes are that same type. It goes out with that type, `nosniff` and a sandboxing CSP; anything
 * else (an .html or .svg put on disk by hand, an old text upload, a .png that holds HTML) is 404.
 * The header check and the bytes sent come from the same open file.
 */
export async function sendStoredImage(res: ServerResponse, file: string, opts: { head?: boolean } = {}): Promise<number> {
  const named = imageTypeOfName(file)
  if (!named) return notFound(res)
  let fh: fs.promises.FileHandle
  try {
    fh = await fs.promises.open(file, 'r')
  } catch {
    return notFound(res)
  }
  let handedOver = false
  try {
    const stat = await fh.stat()
    if (!stat.isFile()) return notFound(res)
    const head = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0)
    if (sniffImage(head.subarray(0, bytesRead)) !== named) return notFound(res)
    res.writeHead(200, {
      'content-type': named.mime,
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'content-disposition': 'inline',
    })
    if (opts.head) {
      res.end()
      return 200
    }
    handedOver = true
    await new Promise<void>((resolve) => {
      const stream = fh.createReadStream({ start: 0, end: Math.max(0, stat.size - 1), autoClose: true })
      stream.on('error', () => {
        res.destroy()
        resolve()
      })
      stream.on('close', () => resolve())
      // A client that goes away must not leave the file open.
      res.on('close', () => stream.destroy())
      stream.pipe(res)
    })
    return 200
  } finally {
    if (!handedOver) await fh.close().catch(() => undefined)
  }
}

/** Streams a file with its content type; answers 404 when it vanished. Returns the status sent. */
export async function sendFile(res: ServerResponse, file: string, opts: { head?: boolean; cache?: string } = {}): Promise<number> {
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
    if (!stat.isFile()) throw new Error('not a file')
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('未找到')
    return 404
  }
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': stat.size,
    'cache-control': opts.cache ?? 'no-cache',
    'x-content-type-options': 'nosniff',
  })
  if (opts.head) {
    res.end()
    return 200
  }
  await new Promise<void>((resolve) => {
    const stream = fs.createReadStream(file)
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    stream.on('end', () => resolve())
    stream.pipe(res)
  })
  return 200
}

/**
 * The H5 build: `/` → index.html, an existing file → that file, an unknown path that looks like
 * a page (no file extension, or the browser asks for HTML) → index.html (the SPA decides), else 404.
 */
export async function serveStatic(res: ServerResponse, root: string, urlPath: string, accept: string, head: boolean): Promise<number> {
  const index = path.join(root, 'index.html')
  const decoded = decodePath(urlPath)
  if (decoded === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('请求路径不正确')
    return 400
  }
  const rel = decoded.replace(/^\/+/, '')
  if (rel === '' || rel === 'index.html') return sendFile(res, index, { head })
  const file = safeJoin(root, rel)
  if (file && isFile(file)) {
    // Build outputs with a content hash in their name never change: let the browser keep them.
    const hashed = /\.[0-9a-f]{8,}\.(js|css)$/i.test(file)
    return sendFile(res, file, { head, cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache' })
  }
  const looksLikePage = path.extname(rel) === '' || accept.includes('text/html')
  if (file !== null && looksLikePage) return sendFile(res, index, { head })
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end('未找到')
  return 404
}
