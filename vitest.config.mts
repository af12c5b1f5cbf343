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
  },
})
