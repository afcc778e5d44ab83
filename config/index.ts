import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const target = process.env.TARO_ENV || 'weapp'
/**
 * types/ is compiled with src/ (Taro compiles only src/ by default): the client imports the contract's plain
 * data (types/vocabulary.ts, as @contract/vocabulary) as values, not only its types.
 */
const CONTRACT = [path.join(root, 'types')]

/**
 * One config for both targets. Output goes to dist/<target> so the weapp and H5 builds never
 * overwrite each other (project.config.json points WeChat DevTools at dist/weapp/, the local
 * stack serves dist/h5).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'community-governance',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [],
    alias: {
      '@': path.join(root, 'src'),
      '@contract': path.join(root, 'types'),
    },
    defineConstants: {
      // The WeChat Cloud environment id; set CLOUD_ENV=<your env id> when building for release.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || ''),
    },
    // H5 only: the favicon (the browser asks every site for one, so without it each page load ends in a 404;
    // linked in src/index.html) and the tab icons src/custom-tab-bar shows by path. The mini-program needs
    // neither copy: WeChat never asks for a favicon, and the tab icons are in its package already because the
    // tabBar list in app.config.ts names them. Both drawn by config/tab-icons.ts.
    copy: {
      patterns:
        target === 'h5'
          ? [
              { from: 'src/assets/favicon.ico', to: 'dist/h5/favicon.ico' },
              { from: 'src/assets/tab', to: 'dist/h5/assets/tab' },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // Persistent webpack cache (rebuilds ~4 s instead of ~14 s). Keyed per target by Taro.
      enable: true,
      // app.config.ts builds its page list from routes.ts: a new route must invalidate the cache too
      // (Taro only watches config/index and app.config themselves).
      buildDependencies: { routes: [path.resolve(__dirname, '..', 'src', 'routes.ts')] },
      // In the checkout, not webpack's default node_modules/.cache: checkouts that share one node_modules (git
      // worktrees linking it) would otherwise share one cache, and two builds at once mixed module ids in it
      // (a subpackage requiring dayjs under an id its common chunk did not have). Taro merges these keys into
      // webpack's `cache` as they are; its ICache type lists only a few of them.
      ...({ cacheDirectory: path.join(root, '.cache', 'webpack') } as object),
    },
    mini: {
      compile: { include: CONTRACT },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: CONTRACT },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
