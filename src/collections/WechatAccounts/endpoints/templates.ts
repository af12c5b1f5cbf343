import type { Endpoint, PayloadRequest } from 'payload'

import { brandDocFor } from '@/access/brandDocFor'
import { templateKeys } from '@/notifications/templateKeys'
import type { WechatAccount } from '@/payload-types'
import { answersErrors, AppError } from '@/platform/errors'
import { SecretDecryptError } from '@/platform/secrets'
import { AccountSetupError, clientFor, loadAccount } from '@/wechat/account'
import { defaultOrigin, publishingRuntime } from '@/wechat/account/runtime'
import { isWechatApiError, type PrivateTemplate, withRetry } from '@/wechat/oa'

export type AccountTemplate = { templateId: string; title: string; keys: string[]; content: string }
export type AccountTemplatesBody = { templates: AccountTemplate[] }

const NO_TEMPLATE_RIGHTS = 48001

/** The account when the user may update it (the collection's update access: settings in its brand). */
const editableAccount = (req: PayloadRequest) =>
  brandDocFor<WechatAccount>(req, 'wechat-accounts', 'settings', { notFound: '找不到该公众号', forbidden: '你没有权限修改该公众号的设置' })

async function fetchTemplates(req: PayloadRequest, id: string): Promise<PrivateTemplate[]> {
  try {
    const client = clientFor(await loadAccount(req.payload, id), defaultOrigin())
    return await withRetry(() => client.template.list(), { attempts: Math.min(3, publishingRuntime.retryAttempts), sleep: publishingRuntime.sleep })
  } catch (error) {
    if (error instanceof AccountSetupError) throw error
    if (error instanceof SecretDecryptError) throw new AccountSetupError(error.message)
    if (isWechatApiError(error)) {
      const message = error.errcode === NO_TEMPLATE_RIGHTS ? '该公众号没有模板消息接口权限：模板消息只对已认证的服务号开放' : error.messageZh
      throw new AppError('WECHAT_API_ERROR', 502, `读取模板列表失败：${message}（错误码 ${error.errcode}）`, { details: { errcode: error.errcode } })
    }
    req.payload.logger.error({ msg: 'template list failed', err: error })
    throw new AppError('WECHAT_API_ERROR', 502, '读取模板列表失败，请稍后重试')
  }
}

/** `GET /api/wechat-accounts/:id/templates` → the account's own templates (模板消息 → 我的模板), for the admin's picker. */
export const templatesEndpoint: Endpoint = {
  path: '/:id/templates',
  method: 'get',
  handler: answersErrors(async (req) => {
    const account = await editableAccount(req)
    const list = await fetchTemplates(req, account.id)
    const templates: AccountTemplate[] = list.map((t) => ({ templateId: t.template_id, title: t.title, keys: templateKeys(t.content), content: t.content }))
    return Response.json({ templates } satisfies AccountTemplatesBody, { headers: { 'cache-control': 'no-store' } })
  }),
}
