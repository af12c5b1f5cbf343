import type { OrderRecord } from './types'

const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

const CHANNEL_LABEL = { jsapi: '公众号支付 (JSAPI)', h5: 'H5 支付', native: '扫码支付 (Native)' }
const STATE_LABEL = { NOTPAY: '待支付', SUCCESS: '已支付', REFUND: '已退款', CLOSED: '已关闭' }

function layout(title: string, inner: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f2f2;color:#222}
.banner{background:#fa5151;color:#fff;text-align:center;padding:10px;font-weight:600;letter-spacing:1px}
.card{max-width:420px;margin:24px auto;background:#fff;border-radius:12px;padding:24px}
.amount{font-size:36px;font-weight:600;text-align:center;margin:8px 0 20px}
dl{display:grid;grid-template-columns:6em 1fr;gap:8px;font-size:14px}dt{color:#888}dd{margin:0;word-break:break-all}
button{width:100%;padding:12px;border:0;border-radius:8px;font-size:16px;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff}.cancel{background:#eee;color:#333}.msg{text-align:center;font-size:18px}
</style></head><body><div class="banner" role="alert">沙箱环境 · 非真实支付</div><main class="card">${inner}</main></body></html>`
}

export type PayPageExtras = { actionUrl: string; hidden: Record<string, string> }

export function renderPayPage(order: OrderRecord, extras: PayPageExtras): string {
  const hidden = Object.entries(extras.hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')
  const payable = order.state === 'NOTPAY'
  return layout(
    '微信支付 · 沙箱',
    `<h1 style="font-size:18px;text-align:center">${esc(order.description)}</h1>
<div class="amount" data-testid="amount">${yuan(order.totalFen)}</div>
<dl><dt>商户号</dt><dd>${esc(order.mchid)}</dd><dt>商户订单号</dt><dd data-testid="out-trade-no">${esc(order.outTradeNo)}</dd>
<dt>支付方式</dt><dd>${CHANNEL_LABEL[order.channel]}</dd><dt>订单状态</dt><dd data-testid="state">${STATE_LABEL[order.state]}</dd></dl>
${
  payable
    ? `<form method="post" action="${esc(extras.actionUrl)}">${hidden}
<button class="pay" name="action" value="confirm" type="submit">确认支付 ${yuan(order.totalFen)}</button>
<button class="cancel" name="action" value="cancel" type="submit">取消支付</button></form>`
    : ''
}`,
  )
}

export function renderResultPage(ok: boolean, message: string, redirectUrl?: string): string {
  const back = redirectUrl ? `<p style="text-align:center"><a data-testid="back" href="${esc(redirectUrl)}">返回商户页面</a></p>` : ''
  return layout(ok ? '支付成功' : '支付未完成', `<p class="msg" data-testid="result">${ok ? '✅' : '⚠️'} ${esc(message)}</p>${back}`)
}

export const htmlResponse = (html: string, status = 200) =>
  new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
