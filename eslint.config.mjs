// ESLint for the whole repo (flat config): typescript-eslint's recommended rules, React hooks' rules for the
// client, and Prettier for layout (`npm run lint` runs both; `npm run format` rewrites). An eslint-disable
// needs its reason beside it (`-- why`; house/disable-needs-reason), and an unused one is an error.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

/** Our one house rule: an eslint-disable comment says why, after ` -- `. */
const house = {
  rules: {
    'disable-needs-reason': {
      meta: { type: 'suggestion', messages: { why: 'Say why beside the eslint-disable: `// eslint-disable-next-line rule -- reason`.' } },
      create(context) {
        return {
          Program() {
            for (const c of context.sourceCode.getAllComments()) {
              if (/^\s*eslint-disable/.test(c.value) && !/ -- \S/.test(c.value)) context.report({ loc: c.loc, messageId: 'why' })
            }
          },
        }
      },
    },
  },
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.cache/**', 'cloudfunctions/api/index.js', '.local/**', 'coverage/**', '**/*.js', '!eslint.config.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { house },
    rules: {
      'house/disable-needs-reason': 'error',
      // Unused names are errors, except a deliberate `_` prefix (destructuring a key away, an unused argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `any` is allowed at the SDK seam (its typings are loose) but must be rare; warn, not fail.
      '@typescript-eslint/no-explicit-any': 'warn',
      // The client builds for weapp by dropping `process.env.TARO_ENV === 'h5'` branches with their require().
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'local/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
