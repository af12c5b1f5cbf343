// ESLint (flat config). `npm run lint` runs it with --max-warnings=0, then Prettier's check and the type-check;
// `npm run format` fixes what can be fixed. Formatting itself is Prettier's (.prettierrc): eslint-config-prettier,
// last, turns off every rule that would fight it.
import js from '@eslint/js'
import nextPlugin from '@next/eslint-plugin-next'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    // Generated files (Payload's types, import map and migrations, checked by `npm run check:generated`, and
    // Payload's own route files and layout), build output and local data. The same list is in .prettierignore.
    ignores: [
      'src/payload-types.ts',
      'src/app/(payload)/admin/**',
      'src/app/(payload)/api/**',
      'src/app/(payload)/layout.tsx',
      'src/migrations/**',
      'next-env.d.ts',
      '.next*/**',
      'data/**',
      'media/**',
      'bench/out/**',
      '.ci/out/**',
      'test-results*/**',
      'playwright-report/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs['core-web-vitals'],
  {
    // The .mjs scripts and configs run on Node (in TypeScript, the compiler checks names instead of no-undef).
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // node:, packages, @/ paths, relative; side-effect imports (the stylesheets) last, in their own order, as
      // the code has them: a stylesheet imported after the components it styles comes later in the cascade.
      'simple-import-sort/imports': ['error', { groups: [['^node:'], ['^@?\\w'], ['^'], ['^\\.'], ['^\\u0000']] }],
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // Every <img> here already shows a size Payload generated (mediaAt picks it) or a data: URL, with its width
      // and height; next/image would resize them a second time through /_next/image and change the reader's HTML.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    // React code is .tsx only. In the .ts domain code `use` is a verb, not a hook: useCouponClaim marks a coupon
    // used, useSandboxPayGateway plugs the emulator in; rules-of-hooks would take them for hooks.
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
)
