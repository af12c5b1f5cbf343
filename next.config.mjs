import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel work (several builds on one machine) can keep separate build folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Tests, benchmarks and scripts are type-checked by `npm run lint`; the app build checks only the app.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  turbopack: { root: dirname },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

/**
 * Payload asks every path for the Sec-CH-Prefers-Color-Scheme client hint (its admin theme) with Critical-CH, which
 * makes Chromium-based browsers, Android WeChat's among them, load each reader page twice on a first visit, and adds
 * a Vary that splits an edge cache. The admin is the only page that reads the hint: ask there only.
 */
function clientHintsForAdminOnly(config) {
  const headers = config.headers
  return {
    ...config,
    headers: async () =>
      (await headers()).map((rule) =>
        rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Critical-CH') ? { ...rule, source: '/admin/:path*' } : rule,
      ),
  }
}

export default clientHintsForAdminOnly(withPayload(nextConfig, { devBundleServerPackages: false }))
