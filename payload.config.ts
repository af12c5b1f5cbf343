import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { BlocksFeature, EXPERIMENTAL_TableFeature, FixedToolbarFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { analyticsEndpoints } from './src/analytics/endpoints'
import { followQrEndpoint } from './src/analytics/follow'
import { editorBlocks } from './src/blocks/editorBlocks'
import { Articles } from './src/collections/Articles'
import { ArticleStats } from './src/collections/ArticleStats'
import { Brands } from './src/collections/Brands'
import { Communities } from './src/collections/Communities'
import { CommunityCounters } from './src/collections/CommunityCounters'
import { CommunityEvents } from './src/collections/CommunityEvents'
import { CommunityMembers } from './src/collections/CommunityMembers'
import { CouponClaims } from './src/collections/CouponClaims'
import { Coupons } from './src/collections/Coupons'
import { Customers } from './src/collections/Customers'
import { EventSignups } from './src/collections/EventSignups'
import { FollowQrCodes } from './src/collections/FollowQrCodes'
import { Follows } from './src/collections/Follows'
import { FunnelEvents } from './src/collections/FunnelEvents'
import { FunnelMarks } from './src/collections/FunnelMarks'
import { FunnelRollups } from './src/collections/FunnelRollups'
import { Media } from './src/collections/Media'
import { OAuthNonces } from './src/collections/OAuthNonces'
import { OrderEvents } from './src/collections/OrderEvents'
import { OrderNotifications } from './src/collections/OrderNotifications'
import { Orders } from './src/collections/Orders'
import { Outbox } from './src/collections/Outbox'
import { PageSignals } from './src/collections/PageSignals'
import { Payments } from './src/collections/Payments'
import { Products } from './src/collections/Products'
import { Pushes } from './src/collections/Pushes'
import { RateLimits } from './src/collections/RateLimits'
import { Users } from './src/collections/Users'
import { WechatAccounts } from './src/collections/WechatAccounts'
import { WechatImages } from './src/collections/WechatImages'
import { registerDirectCheckout } from './src/commerce/directCheckout'
import { commerceEndpoints } from './src/commerce/endpoints'
import { registerCommerceOutboxHandlers } from './src/commerce/outboxHandlers'
import { databaseAdapter, migrateOnBoot } from './src/db/adapter'
import { moveCheckpointsOffTheLoop } from './src/db/sqliteCheckpoints'
import { commerceTasks } from './src/jobs/commerce'
import { pruneFunnelEventsTask } from './src/jobs/funnelRetention'
import { NOTIFICATIONS_QUEUE, notifyOrderTask } from './src/jobs/notifyOrder'
import { drainOutboxTask } from './src/jobs/outbox'
import { publishPushTask } from './src/jobs/publishPush'
import { importWechatStatsTask } from './src/jobs/wechatStats'
import { configuredOrigin, configuredOrigins } from './src/platform/http/origin'
import { makeJobPicksExclusive } from './src/platform/jobs/exclusivePicks'
import { kickOutbox } from './src/platform/outbox'
import { loopbackRevalidator, startPageSignalListener } from './src/platform/pageSignals'
import { brandWorkspaces } from './src/plugins/brandWorkspaces'
import { inputGuards } from './src/plugins/inputGuards'
import { wireSandboxAdapters } from './src/sandbox/adapters'
import { registerSubscribers } from './src/subscribers'
import { payloadSecret } from './src/utilities/payloadSecret'
import { identityEndpoints } from './src/wechat/identity/endpoints'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))
// The 沙箱 emulators as adapters of commerce and publishing (used only where src/platform/sandbox.ts allows).
wireSandboxAdapters()
// Who reacts to a domain event (an order's transition: funnel, notification, coupon); publishers import none of them.
registerSubscribers()

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: path.resolve(projectRoot, 'src') },
    meta: {
      titleSuffix: ' · 推文 Tuiwen',
      icons: [
        { rel: 'icon', type: 'image/svg+xml', url: '/icon.svg' },
        { rel: 'icon', sizes: '32x32', url: '/favicon.ico' },
        { rel: 'apple-touch-icon', url: '/apple-touch-icon.png' },
      ],
    },
    components: {
      afterNavLinks: ['@/components/admin/analytics/FunnelNavLink#FunnelNavLink'],
      views: { funnel: { Component: '@/components/admin/analytics/FunnelView#FunnelView', path: '/funnel', meta: { title: '转化漏斗' } } },
    },
  },
  collections: [
    Articles,
    Products,
    Media,
    Communities,
    CommunityEvents,
    EventSignups,
    Coupons,
    CouponClaims,
    CommunityMembers,
    CommunityCounters,
    Orders,
    Payments,
    OrderEvents,
    Brands,
    Users,
    Pushes,
    WechatAccounts,
    WechatImages,
    FunnelEvents,
    Customers,
    ArticleStats,
    OAuthNonces,
    OrderNotifications,
    Follows,
    FollowQrCodes,
    RateLimits,
    PageSignals,
    Outbox,
    FunnelRollups,
    FunnelMarks,
  ],
  endpoints: [...commerceEndpoints, ...analyticsEndpoints, ...identityEndpoints, followQrEndpoint],
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [...defaultFeatures, FixedToolbarFeature(), EXPERIMENTAL_TableFeature(), BlocksFeature({ blocks: editorBlocks })],
  }),
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  secret: payloadSecret(),
  // Payload reads the payload-token cookie only from requests whose Origin is listed (no Origin: Sec-Fetch-Site must
  // be same-origin/same-site/none); an empty list (nothing configured) means no check: the cookie counts from any origin.
  csrf: configuredOrigins(),
  ...(process.env.NEXT_PUBLIC_SERVER_URL ? { serverURL: configuredOrigin() } : {}),
  db: databaseAdapter(projectRoot),
  sharp,
  plugins: [brandWorkspaces, inputGuards],
  telemetry: false,
  typescript: { outputFile: path.resolve(projectRoot, 'src/payload-types.ts') },
  jobs: {
    tasks: [...commerceTasks, publishPushTask, importWechatStatsTask, notifyOrderTask, drainOutboxTask, pruneFunnelEventsTask],
    // Scheduled publishing, payment expiry and reconciliation, notifications and statistics imports run inside
    // the long-running server; tests run jobs explicitly.
    autoRun:
      process.env.TUIWEN_JOBS_AUTORUN === 'false'
        ? []
        : [
            { cron: '* * * * *', queue: 'default', limit: 20 },
            { cron: '*/5 * * * * *', queue: NOTIFICATIONS_QUEUE, limit: 100 },
          ],
  },
  onInit: async (payload) => {
    await migrateOnBoot(payload)
    // Several instances run the jobs cron: each job is claimed by exactly one of them (src/platform/jobs).
    makeJobPicksExclusive(payload)
    // Side effects committed by a process that died before processing them run now (src/platform/outbox).
    registerCommerceOutboxHandlers()
    kickOutbox(payload, 0)
    // The long-running server (scripts/server.mjs sets PORT) drops its cached pages when another instance changed them.
    if (process.env.PORT && process.env.TUIWEN_PAGE_SIGNALS !== 'off') startPageSignalListener(payload, loopbackRevalidator(process.env.PORT))
    // …and on SQLite checkpoints its WAL from a worker thread, not inside a buyer's COMMIT (src/db/sqliteCheckpoints.ts).
    if (process.env.PORT) await moveCheckpointsOffTheLoop(payload)
    // The push's hot request skips Next's router when scripts/server.mjs serves (src/platform/http/directRoutes.ts).
    registerDirectCheckout(payload)
  },
})
