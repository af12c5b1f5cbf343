import type { Conversion, FunnelReport, StepVisitors } from './funnel'

/** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',')
const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(2)}%`)
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`

const visitors = (v: StepVisitors) => [v.reads, v.taps, v.landingViews, v.checkouts, v.orders]
const rates = (c: Conversion) => [pct(c.tapRate), pct(c.landingRate), pct(c.checkoutRate), pct(c.payRate), pct(c.overall)]

export type CsvKind = 'articles' | 'blocks' | 'products' | 'daily'

/** A UTF-8 CSV with BOM (Excel opens Chinese headers correctly). Money in yuan with 2 decimals. */
export function funnelCsv(report: FunnelReport, kind: CsvKind): string {
  const lines: string[] = []
  if (kind === 'articles') {
    lines.push(
      csvLine([
        '文章ID',
        '标题',
        '阅读(合计)',
        '网页阅读',
        '公众号阅读',
        '公众号分享',
        '新关注',
        '曝光',
        '点击',
        '落地页浏览',
        '发起下单',
        '支付订单',
        '销售额(元)',
        '退款',
        '退款金额(元)',
        '阅读人数',
        '点击人数',
        '落地页人数',
        '下单人数',
        '支付人数',
        '点击率',
        '落地率',
        '下单率',
        '支付率',
        '整体转化',
      ]),
    )
    for (const a of report.articles)
      lines.push(
        csvLine([
          a.article,
          a.title,
          a.reads,
          a.webReads,
          a.wechatReads,
          a.wechatShares,
          a.follows,
          a.impressions,
          a.taps,
          a.landingViews,
          a.checkouts,
          a.orders,
          yuan(a.revenue),
          a.refunds,
          yuan(a.refundAmount),
          ...visitors(a.visitors),
          ...rates(a.conversion),
        ]),
      )
  } else if (kind === 'blocks') {
    lines.push(
      csvLine([
        '文章ID',
        '标题',
        '商品块序号',
        '商品块',
        '曝光',
        '点击',
        '落地页浏览',
        '发起下单',
        '支付订单',
        '销售额(元)',
        '退款',
        '退款金额(元)',
        '落地率',
        '下单率',
        '支付率',
      ]),
    )
    for (const a of report.articles)
      for (const b of a.blocks)
        lines.push(
          csvLine([
            a.article,
            a.title,
            b.block,
            b.name,
            b.impressions,
            b.taps,
            b.landingViews,
            b.checkouts,
            b.orders,
            yuan(b.revenue),
            b.refunds,
            yuan(b.refundAmount),
            pct(b.conversion.landingRate),
            pct(b.conversion.checkoutRate),
            pct(b.conversion.payRate),
          ]),
        )
  } else if (kind === 'products') {
    lines.push(csvLine(['商品ID', '商品', '来源文章ID', '来源文章', '订单', '件数', '销售额(元)']))
    for (const p of report.products) {
      if (!p.articles.length) lines.push(csvLine([p.product, p.title, '', '', 0, 0, yuan(0)]))
      for (const a of p.articles) lines.push(csvLine([p.product, p.title, a.article ?? '', a.title, a.orders, a.units, yuan(a.revenue)]))
    }
  } else {
    lines.push(
      csvLine(['日期', '阅读(合计)', '网页阅读', '公众号阅读', '点击', '落地页浏览', '发起下单', '支付订单', '销售额(元)', '退款', '退款金额(元)', '新关注']),
    )
    for (const d of report.daily)
      lines.push(
        csvLine([
          d.day,
          d.reads,
          d.webReads,
          d.wechatReads,
          d.taps,
          d.landingViews,
          d.checkouts,
          d.orders,
          yuan(d.revenue),
          d.refunds,
          yuan(d.refundAmount),
          d.follows,
        ]),
      )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
