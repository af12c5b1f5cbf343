// GET /api/wechat-accounts/:id/templates: the admin's template picker reads the account's own templates through
// WeChat's get_all_private_template (the OA emulator here); only for users who may update the account.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { WechatAccount } from '@/payload-types'
import type { RunningServer } from '@/sandbox/http'
import { startEmulator } from '@/sandbox/wechat-oa'
import { SANDBOX_TEMPLATES, sandboxTemplateDetails, sandboxTemplateKeys } from '@/seed/wechatSandbox'
import { publishingRuntime } from '@/wechat/account/runtime'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

const SERVICE = { appId: 'wx00000000000c0d01', appSecret: 'secret-templates' }
const SUBSCRIPTION = { appId: 'wx00000000000c0d02', appSecret: 'secret-subscription' }

let payload: Payload
let world: World
let server: RunningServer
const accounts: Record<'service' | 'subscription' | 'noSecret', WechatAccount> = {} as never

const account = (name: string, appId: string, appSecret?: string) =>
  payload.create({
    collection: 'wechat-accounts',
    data: { name, appId, appSecret, accountType: 'service', verified: true, brand: world.brandA.id },
  }) as Promise<WechatAccount>

const tokenOf = (user: { email: string }) => login(user.email, world.password)
const templatesOf = async (id: string, token?: string) => rest('GET', `/wechat-accounts/${id}/templates`, { token })

beforeAll(async () => {
  payload = await bootPayload()
  world = await makeWorld(payload)
  const started = await startEmulator({
    accounts: [
      { ...SERVICE, type: 'service', templates: sandboxTemplateKeys(), templateDetails: sandboxTemplateDetails() },
      { ...SUBSCRIPTION, type: 'subscription' },
    ],
  })
  server = started.server
  publishingRuntime.apiBase = started.apiBase
  accounts.service = await account('山野茶事', SERVICE.appId, SERVICE.appSecret)
  accounts.subscription = await account('山野茶事订阅号', SUBSCRIPTION.appId, SUBSCRIPTION.appSecret)
  accounts.noSecret = await account('未配置', 'wx00000000000c0d03')
})
afterAll(async () => {
  publishingRuntime.apiBase = undefined
  await server?.close()
  await shutdown(payload)
})

describe('GET /api/wechat-accounts/:id/templates', () => {
  it("lists the account's templates with their keys, for its brand's owner and for an admin", async () => {
    for (const user of [world.ownerA, world.admin]) {
      const res = await templatesOf(accounts.service.id, await tokenOf(user))
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const paid = SANDBOX_TEMPLATES[0]
      expect(res.body.templates).toHaveLength(SANDBOX_TEMPLATES.length)
      expect(res.body.templates[0]).toEqual({
        templateId: paid.templateId,
        title: '订单支付成功通知',
        keys: ['character_string1', 'thing2', 'amount3', 'time4'],
        content: '订单号：{{character_string1.DATA}}\n商品名称：{{thing2.DATA}}\n支付金额：{{amount3.DATA}}\n时间：{{time4.DATA}}',
      })
    }
  })

  it('another brand cannot see the account (404); a member without settings rights is refused (403); no login: 401', async () => {
    const other = await templatesOf(accounts.service.id, await tokenOf(world.editorB))
    expect(other.status).toBe(404)
    expect(other.body.templates).toBeUndefined()
    const editor = await templatesOf(accounts.service.id, await tokenOf(world.editorA))
    expect(editor.status).toBe(403)
    expect(editor.body.error.code).toBe('FORBIDDEN')
    expect((await templatesOf(accounts.service.id)).status).toBe(401)
    expect((await templatesOf('does-not-exist', await tokenOf(world.ownerA))).status).toBe(404)
  })

  it("WeChat's refusal is a 502 saying why, in Chinese, with the errcode", async () => {
    const res = await templatesOf(accounts.subscription.id, await tokenOf(world.ownerA))
    expect(res.status).toBe(502)
    expect(res.body.error).toMatchObject({ code: 'WECHAT_API_ERROR', errcode: 48001 })
    expect(res.body.error.message).toContain('已认证的服务号')
    expect(res.body.error.message).toContain('48001')
  })

  it('an account without an AppSecret: 409 saying to fill it in, not a 500', async () => {
    const res = await templatesOf(accounts.noSecret.id, await tokenOf(world.ownerA))
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ACCOUNT_NOT_CONFIGURED')
    expect(res.body.error.message).toContain('AppSecret')
  })
})
