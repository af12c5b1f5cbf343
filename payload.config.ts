import path from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  BlocksFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { CodeBlock } from './src/blocks/Code/config'
import { ProductCardBlock } from './src/blocks/ProductCard/config'
import { ProductGridBlock } from './src/blocks/ProductGrid/config'
import { Articles } from './src/collections/Articles'
import { Brands } from './src/collections/Brands'
import { Communities } from './src/collections/Communities'
import { Media } from './src/collections/Media'
import { Orders } from './src/collections/Orders'
import { Products } from './src/collections/Products'
import { Users } from './src/collections/Users'
import { databaseAdapter, migrateOutsideProduction } from './src/db/adapter'
import { payloadSecret } from './src/utilities/payloadSecret'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: path.resolve(projectRoot, 'src') },
    meta: { titleSuffix: ' · 推文 Tuiwen' },
  },
  collections: [Articles, Products, Media, Communities, Orders, Brands, Users],
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures,
      FixedToolbarFeature(),
      EXPERIMENTAL_TableFeature(),
      BlocksFeature({ blocks: [ProductCardBlock, ProductGridBlock, CodeBlock] }),
    ],
  }),
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  secret: payloadSecret(),
  db: databaseAdapter(projectRoot),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(projectRoot, 'src/payload-types.ts') },
  jobs: {
    tasks: [],
    // Runs scheduled publishing (and later issues' jobs) inside the long-running server; tests run jobs explicitly.
    autoRun: process.env.TUIWEN_JOBS_AUTORUN === 'false' ? [] : [{ cron: '* * * * *', queue: 'default', limit: 20 }],
  },
  onInit: async (payload) => {
    await migrateOutsideProduction(payload)
  },
})
