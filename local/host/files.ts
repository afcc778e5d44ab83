/**
 * Files on disk for the host: the H5 build (static, SPA fallback) and local cloud storage.
 * Every path coming from a request goes through `safeJoin`, which refuses anything that could
 * leave its root (.., absolute paths, backslashes, NUL and other control characters).
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
  // eslint-disable-next-line no-control-regex
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
