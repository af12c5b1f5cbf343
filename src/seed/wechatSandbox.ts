// The demo's sandbox Official Account (served by the in-app emulator at /sandbox/wechat) and a ready push.
// Its AppSecret, callback token and EncodingAESKey are drawn per installation at seed time and live only in
// the database (encrypted by the collection); nothing secret is in the repository.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { generateEncodingAESKey } from '../wechat/oa/callbackCrypto'

export const SANDBOX_ACCOUNT = {
  name: '山野茶事（沙箱公众号）',
  appId: 'wx7e57ab1e00000001',
  /** Follows the sandbox account: preview to this WeChat ID (or openid) from the push screen. */
  previewUser: { openid: 'oTuiwenDemoEditorPreview0001', wxname: 'tuiwen-editor' },
  /** The demo's reader: whoever opens a product page in the sandbox's WeChat is recognised (snsapi_base) as this follower. */
  reader: { openid: 'oTuiwenDemoReader00000000001', nickname: '茶友小林' },
} as const

/**
 * The sandbox account's own template list (as added in the 公众平台 from the 类目模板 library): the emulator knows
 * them (src/sandbox/wechat-oa/accounts.ts) and the seed fills the account's 模板消息 ID rows with them, so paid /
 * shipped / refunded notifications are really sent in the demo. `keywords`: the template's keys, mapped to what an
 * order notification says (src/notifications/format.ts).
 */
export const SANDBOX_TEMPLATES = [
  {
    key: 'order_paid',
    templateId: 'TwDemoOrderPaid0000000000000000000000000001',
    title: '订单支付成功通知',
    keywords: 'character_string1:number,thing2:product,amount3:total,time4:time',
  },
  {
    key: 'order_shipped',
    templateId: 'TwDemoOrderShipped000000000000000000000002',
    title: '订单发货通知',
    keywords: 'character_string1:number,thing2:product,phrase3:status,time4:time',
  },
  {
    key: 'order_refunded',
    templateId: 'TwDemoOrderRefunded00000000000000000000003',
    title: '退款成功通知',
    keywords: 'character_string1:number,amount2:total,thing3:note,time4:time',
  },
] as const

/** template_id → its keyword keys, as the emulator checks a send against them. */
export const sandboxTemplateKeys = (): Record<string, string[]> =>
  Object.fromEntries(SANDBOX_TEMPLATES.map((t) => [t.templateId, t.keywords.split(',').map((pair) => pair.split(':')[0]!)]))

/** The line label of each order field in a template's content, as the 类目模板 library words them. */
const SOURCE_LABELS: Record<string, string> = { number: '订单号', product: '商品名称', total: '支付金额', time: '时间', status: '订单状态', note: '备注' }

const contentOf = (keywords: string) =>
  keywords
    .split(',')
    .map((pair) => {
      const [key, source] = pair.split(':')
      return `${SOURCE_LABELS[source!] ?? key}：{{${key}.DATA}}`
    })
    .join('\n')

/** template_id → the title and content the emulator's get_all_private_template lists. */
export const sandboxTemplateDetails = (): Record<string, { title: string; content: string }> =>
  Object.fromEntries(SANDBOX_TEMPLATES.map((t) => [t.templateId, { title: t.title, content: contentOf(t.keywords) }]))

const templateRows = () => SANDBOX_TEMPLATES.map(({ key, templateId, keywords }) => ({ key, templateId, keywords }))

/** Fresh secrets in WeChat's formats: 32 hex AppSecret, 32-character token, 43-character EncodingAESKey. */
const newSecrets = () => ({
  appSecret: randomBytes(16).toString('hex'),
  callbackToken: randomBytes(16).toString('hex'),
  encodingAESKey: generateEncodingAESKey(),
})

export async function seedWechatSandbox(payload: Payload, teaBrandId: string, created: Record<string, number>): Promise<void> {
  const existing = await payload.find({
    collection: 'wechat-accounts',
    where: { appId: { equals: SANDBOX_ACCOUNT.appId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  let accountId = existing.docs[0]?.id
  // An installation seeded before the demo had templates gets them (rows the operator added are kept).
  if (accountId && !existing.docs[0]!.templateIds?.length) {
    await payload.update({ collection: 'wechat-accounts', id: accountId, data: { templateIds: templateRows() }, overrideAccess: true })
  }
  if (!accountId) {
    const doc = await payload.create({
      collection: 'wechat-accounts',
      overrideAccess: true,
      data: {
        name: SANDBOX_ACCOUNT.name,
        appId: SANDBOX_ACCOUNT.appId,
        ...newSecrets(),
        // 安全模式, so the demo exercises the encrypted callback path end to end.
        callbackMode: 'safe',
        accountType: 'service',
        verified: true,
        sandbox: true,
        brand: teaBrandId,
        templateIds: templateRows(),
      },
    })
    accountId = doc.id
    created['wechat-accounts'] = (created['wechat-accounts'] ?? 0) + 1
  }
  const title = '今日推送：春茶专题'
  const push = await payload.find({ collection: 'pushes', where: { title: { equals: title } }, limit: 1, depth: 0, overrideAccess: true })
  if (push.docs[0]) return
  const articles = await payload.find({
    collection: 'articles',
    where: { slug: { in: ['spring-longjing-guide', 'cold-brew-summer'] } },
    depth: 0,
    limit: 2,
    overrideAccess: true,
    draft: true,
  })
  const ordered = ['spring-longjing-guide', 'cold-brew-summer'].map((slug) => articles.docs.find((a) => a.slug === slug)?.id).filter((id): id is string => !!id)
  if (ordered.length !== 2) return
  await payload.create({
    collection: 'pushes',
    overrideAccess: true,
    data: { title, account: accountId, articles: ordered, brand: teaBrandId, status: 'draft' },
  })
  created.pushes = (created.pushes ?? 0) + 1
}
