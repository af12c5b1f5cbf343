import type { XmlValue } from '@/wechat/oa/xml'

import { createCallbackPusher, type FetchLike, type PushOptions } from './callback-push'
import { createEmulatorClock, type EmulatorClock } from './clock'
import { type Ctx, DEFAULT_LIMITS, type EmulatorLimits, type EmulatorScripts, type EmulatorSettings, type Route } from './context'
import { createFaults } from './faults'
import { overQuota } from './quota'
import { json, wxError } from './respond'
import { datacubeRoutes } from './routes-datacube'
import { draftRoutes } from './routes-draft'
import { mediaRoutes } from './routes-media'
import { messageRoutes } from './routes-message'
import { oauthRoutes } from './routes-oauth'
import { publishRoutes } from './routes-publish'
import { liveQrTicket, qrUserRoutes } from './routes-qr-user'
import { templateRoutes } from './routes-template'
import { tokenRoutes } from './routes-token'
import { createState, type EmulatorAccount, type EmulatorAccountInit, type EmulatorUser, toAccount } from './state'
import { checkToken } from './tokens'

const ROUTES: Record<string, Route> = {
  ...tokenRoutes,
  ...mediaRoutes,
  ...draftRoutes,
  ...publishRoutes,
  ...messageRoutes,
  ...templateRoutes,
  ...qrUserRoutes,
  ...oauthRoutes,
  ...datacubeRoutes,
}

export type OfficialAccountEmulatorOptions = {
  /** Mount point, e.g. '/sandbox/wechat'; requests outside it are answered 404. */
  basePath?: string
  accounts?: EmulatorAccountInit[]
  /** Default: a manual clock (tests). Pass createEmulatorClock({ mode: 'system' }) for the demo. */
  clock?: EmulatorClock
  settings?: Partial<Omit<EmulatorSettings, 'limits'>> & { limits?: Partial<EmulatorLimits> }
  /** Used for callback pushes. */
  fetch?: FetchLike
}

export type OfficialAccountEmulator = ReturnType<typeof createOfficialAccountEmulator>

export function createOfficialAccountEmulator(options: OfficialAccountEmulatorOptions = {}) {
  const basePath = (options.basePath ?? '').replace(/\/$/, '')
  const clock = options.clock ?? createEmulatorClock()
  const state = createState()
  const { limits, ...rest } = options.settings ?? {}
  const settings: EmulatorSettings = {
    tokenTtlSeconds: 7200,
    tokenOverlapSeconds: 300,
    quotas: { '/cgi-bin/token': 2000, '/cgi-bin/message/mass/preview': 100 },
    publishDelayMs: 2_000,
    massDelayMs: 2_000,
    templateDelayMs: 500,
    publishIdAsString: false,
    massQuotaErrcode: 45028,
    imageUrlBase: 'http://mmbiz.qpic.cn',
    clientIp: (request) => request.headers.get('x-forwarded-for')?.split(',')[0].trim() || '127.0.0.1',
    ...rest,
    limits: { ...DEFAULT_LIMITS, ...limits },
  }
  const scripts: EmulatorScripts = { publish: [], massStatus: [], templateStatus: [] }
  const faults = createFaults()
  const pusher = createCallbackPusher({ state, clock, fetch: options.fetch ?? ((input, init) => fetch(input, init)) })
  const push = (account: EmulatorAccount, fields: Record<string, XmlValue>, opts?: PushOptions) => {
    pusher.push(account, fields, opts)
  }

  const accountOrThrow = (appId: string) => {
    const account = state.accounts.get(appId)
    if (!account) throw new Error(`emulator: unknown appId ${appId}`)
    return account
  }
  for (const init of options.accounts ?? []) state.accounts.set(init.appId, toAccount(init))

  /** Serves the bytes behind issued image URLs when imageUrlBase points back at the emulator (demo). */
  const serveImage = (path: string): Response => {
    const match = [...state.imageUrls.values()].find((m) => m.url && new URL(m.url).pathname.endsWith(path.replace(/^\/mmbiz\.qpic\.cn/, '')))
    return match ? new Response(new Uint8Array(match.bytes), { headers: { 'content-type': match.contentType } }) : new Response('not found', { status: 404 })
  }

  async function handle(request: Request): Promise<Response> {
    state.stats.requests++
    const url = new URL(request.url)
    if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return json({ errcode: 404, errmsg: 'not found' }, 404)
    const path = url.pathname.slice(basePath.length) || '/'
    if (path.startsWith('/mmbiz.qpic.cn/')) return serveImage(path)
    const route = ROUTES[path]
    if (!route) return json({ errcode: 404, errmsg: `emulator: unknown path ${path}` }, 404)

    const fault = faults.apply(path)
    if (fault) return fault

    // §5.1 item 5: POST-only endpoints answer 43002 to other methods (GET endpoints are lenient).
    if (route.method === 'POST' && request.method !== 'POST') return wxError(43002)

    const ctx: Ctx = {
      request,
      url,
      path,
      state,
      settings,
      scripts,
      clock,
      // Routes without `auth` never read it; they resolve the account from their own parameters.
      account: undefined as unknown as EmulatorAccount,
      body: {},
      rawBody: '',
      push,
      basePath,
    }

    if (route.auth) {
      const token = url.searchParams.get('access_token')
      const check = checkToken(state, clock.now(), token)
      if (!check.ok) return wxError(check.errcode)
      const account = state.accounts.get(check.record.appId)
      if (!account) return wxError(40001)
      ctx.account = account
      ctx.token = check.record.token
      if (overQuota(ctx, account.appId, path)) return wxError(45009)
    }

    if (route.json) {
      ctx.rawBody = new TextDecoder('utf-8').decode(await request.arrayBuffer())
      if (!ctx.rawBody.trim()) return wxError(44002)
      try {
        const parsed: unknown = JSON.parse(ctx.rawBody)
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return wxError(47001)
        ctx.body = parsed as Record<string, unknown>
      } catch {
        return wxError(47001)
      }
    }
    return route.handle(ctx)
  }

  return {
    handle,
    basePath,
    clock,
    settings,
    scripts,
    faults,
    /** Raw stores, for assertions and the demo UI. */
    state,
    stats: state.stats,
    messages: state.messages,
    callbacks: state.callbacks,
    accounts: {
      add(init: EmulatorAccountInit): EmulatorAccount {
        const account = toAccount(init)
        state.accounts.set(account.appId, account)
        return account
      },
      get: accountOrThrow,
      list: () => [...state.accounts.values()],
      addUser(appId: string, user: EmulatorUser) {
        accountOrThrow(appId).users.set(user.openid, { ...user })
      },
    },
    tokens: {
      /** Makes a token stale right now, as a rotation elsewhere would (→ 40001). */
      revoke(token: string) {
        const record = state.tokens.get(token)
        if (record) record.invalidAfter = clock.now()
      },
      list: (appId: string) => [...state.tokens.values()].filter((t) => t.appId === appId),
    },
    drafts: {
      get: (mediaId: string) => state.drafts.get(mediaId),
      list: (appId?: string) => [...state.drafts.values()].filter((d) => !appId || d.appId === appId),
    },
    publishJobs: {
      get: (publishId: string | number) => state.publishJobs.get(Number(publishId)),
      list: () => [...state.publishJobs.values()],
    },
    qr: {
      /** Test hook (§5.3 item 23): a user scans; pushes subscribe(qrscene_…) for new followers, else SCAN. */
      scan(ticket: string, openid: string) {
        const record = liveQrTicket({ state, clock }, ticket)
        if (!record) throw new Error('emulator: unknown or expired QR ticket')
        const account = accountOrThrow(record.appId)
        const user = account.users.get(openid) ?? { openid, subscribed: false }
        const isNew = !user.subscribed
        if (isNew) {
          Object.assign(user, {
            subscribed: true,
            subscribeTime: Math.floor(clock.now() / 1000),
            subscribeScene: 'ADD_SCENE_QR_CODE',
            qrScene: record.isInt ? Number(record.scene) : 0,
            qrSceneStr: record.isInt ? '' : record.scene,
          })
        }
        account.users.set(openid, user)
        push(
          account,
          {
            ToUserName: account.originalId,
            FromUserName: openid,
            CreateTime: Math.floor(clock.now() / 1000),
            MsgType: 'event',
            Event: isNew ? 'subscribe' : 'SCAN',
            EventKey: isNew ? `qrscene_${record.scene}` : record.scene,
            Ticket: record.ticket,
          },
          { openid },
        )
      },
    },
    /** Pushes any event; `forgeSignature` sends a wrong signature that our handler must reject (§5.5). */
    pushEvent(appId: string, fields: Record<string, XmlValue>, opts: PushOptions = {}) {
      return pusher.push(accountOrThrow(appId), fields, opts)
    },
    verifyCallbackUrl: (appId: string) => pusher.verifyUrl(accountOrThrow(appId)),
    /** Resolves once every callback push in flight has settled. */
    idle: () => pusher.idle(),
  }
}
