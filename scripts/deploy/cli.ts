/**
 * `npm run deploy` — puts the `api` function and its database into one WeChat Cloud (CloudBase) environment:
 * every collection of the database manifest with its indexes and the ADMINONLY permission, the function
 * (bundle built from src/, timeout, openapi permissions in config.json) and its timer trigger.
 * Idempotent: it reads what exists, compares, and changes only the differences; a second run changes nothing.
 *
 *   TCB_ENV_ID=<env id> TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run deploy
 *   npm run deploy -- --dry-run        the plan; with credentials also what would change; writes nothing
 *
 * Optional: TENCENTCLOUD_SESSIONTOKEN (temporary credentials), TCB_REGION (default ap-shanghai).
 * Exit codes: 0 done (or plan printed), 1 a cloud call failed, 2 missing credentials or bad arguments.
 */
import * as path from 'path'
import { loadDeployManifest } from './manifest'
import { describeChange, desiredState, formatPlan, reconcile } from './plan'
import { CloudTarget, credentialsFromEnv, ENV, managerNodeTarget } from './target'

export interface RunOptions {
  argv: string[]
  env: Record<string, string | undefined>
  log: (line: string) => void
  /** replaces the manager-node target (tests) */
  target?: CloudTarget
  /** replaces the bundle build (tests) */
  build?: () => Promise<void>
  /** the function folder (default cloudfunctions/api) */
  functionDir?: string
}

export const USAGE = `用法 usage: npm run deploy [-- --dry-run]
  需要 requires: ${ENV.envId}, ${ENV.secretId}, ${ENV.secretKey} (optional ${ENV.token}, ${ENV.region})`

export async function runDeploy(opts: RunOptions): Promise<number> {
  const { argv, env, log } = opts
  const unknown = argv.filter((a) => a !== '--dry-run' && a !== '--help' && a !== '-h')
  if (argv.includes('--help') || argv.includes('-h')) {
    log(USAGE)
    return 0
  }
  if (unknown.length) {
    log(`未知参数 unknown argument: ${unknown.join(' ')}\n${USAGE}`)
    return 2
  }
  // `npm run deploy --dry-run` (without `--`) reaches the script as npm_config_dry_run=true.
  const dryRun = argv.includes('--dry-run') || env.npm_config_dry_run === 'true'
  const { creds, missing } = credentialsFromEnv(env)

  if (!dryRun && !creds && !opts.target) {
    log(
      [
        `部署未开始：缺少环境变量 ${missing.join('、')}。`,
        `Deploy not started: missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
        `${ENV.envId} 是云开发环境 ID（云开发控制台 → 环境 → 环境 ID）；${ENV.secretId} / ${ENV.secretKey} 是该环境所属腾讯云账号的 API 密钥（访问管理 → API 密钥管理）。`,
        `${ENV.envId} is the CloudBase environment id; ${ENV.secretId} / ${ENV.secretKey} are a Tencent Cloud API key pair of the account that owns it.`,
        `不带凭据可先看计划 / to see the plan without credentials: npm run deploy -- --dry-run`,
      ].join('\n'),
    )
    return 2
  }

  if (!dryRun) {
    log('构建云函数 building the cloud function (npm run build:cloud) …')
    if (opts.build) await opts.build()
    else {
      const { buildCloud } = await import('../build-cloud')
      const built = await buildCloud({ quiet: true })
      log(`  ${path.relative(process.cwd(), built.outfile)} ${(built.bytes / 1024).toFixed(1)} KB`)
    }
  }

  const want = desiredState(loadDeployManifest(opts.functionDir), opts.functionDir)
  log(dryRun ? '部署计划 deploy plan (dry run: nothing is changed)' : '部署 deploy')
  log(formatPlan(want, creds?.envId ?? null))
  log('')
  log(
    '注意 note: 云调用权限 (config.json permissions.openapi) 由微信登记：腾讯云 API 没有登记它的接口，微信开发者工具上传云函数时按 config.json 登记。' +
      '若 cloud.openapi.* 答 -604101，在开发者工具中右键 cloudfunctions/api → 上传并部署 一次。' +
      ' / WeChat registers openapi permissions when DevTools uploads the function; if cloud.openapi calls answer -604101, upload it once from DevTools.',
  )

  const target = opts.target ?? (creds ? managerNodeTarget(creds) : null)
  if (!target) {
    log('')
    log(`（未设 ${missing.join('、')}：只列出计划，未读取云端状态 / credentials not set: plan only, the cloud was not read）`)
    return 0
  }

  log('')
  log(`读取云端状态 reading the environment ${creds?.envId ?? ''} …`)
  const remote = await target.observe(want)
  const { changes, warnings } = reconcile(want, remote)
  for (const w of warnings) log(`! ${w}`)
  if (!changes.length) {
    log('已是最新，无需改动 / up to date: nothing to change')
    return 0
  }
  log(`${dryRun ? '将要' : '开始'}执行 ${changes.length} 项改动 / ${changes.length} change${changes.length > 1 ? 's' : ''}${dryRun ? ' would be made' : ''}:`)
  for (const c of changes) {
    log(describeChange(c))
    if (!dryRun) await target.apply(c)
  }
  log(dryRun ? '（dry run：未做任何改动 / nothing was changed）' : `完成 done: ${changes.length} change${changes.length > 1 ? 's' : ''} applied`)
  return 0
}

if (require.main === module) {
  runDeploy({ argv: process.argv.slice(2), env: process.env, log: (l) => console.log(l) })
    .then((code) => {
      process.exitCode = code
    })
    .catch((err) => {
      const e = err as { message?: string; code?: string; requestId?: string; action?: string }
      console.error(
        `部署失败 deploy failed: ${e?.message ?? err}${e?.code ? ` [${e.code}]` : ''}${e?.action ? ` (${e.action})` : ''}${e?.requestId ? ` requestId=${e.requestId}` : ''}`,
      )
      console.error('已完成的改动保留；修正后重新运行即可（只会补做剩下的）/ changes made so far stay; re-run after fixing (it does only what is left).')
      process.exitCode = 1
    })
}
