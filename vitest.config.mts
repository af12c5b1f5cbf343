import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    pool: 'forks',
    include: ['tests/int/**/*.spec.ts', 'src/**/*.spec.ts'],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    setupFiles: ['./tests/helpers/vitestSetup.ts'],
    // CI also writes a JSON report, summed with Playwright's into one closing line.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
})
