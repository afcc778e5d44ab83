/**
 * `npm run build:cloud`: bundles the `api` cloud function for WeChat Cloud.
 * cloudfunctions/api/src/index.ts (+ the types/ it imports, zod included) → cloudfunctions/api/index.js:
 * CommonJS, node 16 (the cloud's runtime), wx-server-sdk left external (installed in the cloud from
 * cloudfunctions/api/package.json, pinned), no source map. WeChat DevTools deploys that folder as is.
 *
 * Kept small for cold starts (`npm run bench` prints bundle_kb and the cold start against the SDK alone):
 * - minified: a smaller file to read, parse and compile on every cold start (names are minified too;
 *   `keepNames` would cost ~5% size and a `__name()` call per function at load);
 * - zod is zod/mini, imported as `import * as z from 'zod/mini'` everywhere: mini schemas are built by
 *   functions and checks (z.optional(x), .check(z.maxLength(n))) instead of carrying classic's methods, ~60 KB
 *   less to compile and a faster first use; and esbuild cannot tree-shake `import { z }` (the `z` object
 *   re-export), which brings every locale and the JSON-schema tools (~550 KB);
 * - one locale (`zod/locales` zhCN, in router.ts), not `z.locales.zhCN()`, which keeps all ~50;
 * - qrcode is loaded on first use (platform/qrcode.ts), not at start.
 */
import * as esbuild from 'esbuild'
import * as fs from 'fs'
import * as path from 'path'

const ROOT = path.resolve(__dirname, '..')
export const FUNCTION_DIR = path.join(ROOT, 'cloudfunctions', 'api')
export const ENTRY = path.join(FUNCTION_DIR, 'src', 'index.ts')
export const OUTFILE = path.join(FUNCTION_DIR, 'index.js')

export interface BuildResult {
  outfile: string
  bytes: number
  ms: number
}

export async function buildCloud(opts: { outfile?: string; quiet?: boolean } = {}): Promise<BuildResult> {
  const outfile = opts.outfile ?? OUTFILE
  const started = Date.now()
  await esbuild.build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    sourcemap: false,
    minify: true,
    legalComments: 'none',
    charset: 'utf8', // Chinese text as itself, not \uXXXX escapes (half the bytes, and readable in the cloud editor)
    logLevel: opts.quiet ? 'silent' : 'warning',
    banner: { js: '/* Built by `npm run build:cloud` from cloudfunctions/api/src. Do not edit: edit src/ and rebuild. */' },
  })
  const bytes = fs.statSync(outfile).size
  return { outfile, bytes, ms: Date.now() - started }
}

if (require.main === module) {
  buildCloud()
    .then(({ outfile, bytes, ms }) => {
      console.log(`云函数已打包: ${path.relative(ROOT, outfile)}  ${(bytes / 1024).toFixed(1)} KB（${ms} ms）`)
      console.log('在微信开发者工具中右键 cloudfunctions/api → 上传并部署：云端安装依赖。')
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    })
}
