import React from 'react'

import type { Conversion, FunnelReport } from '@/analytics/funnel'
import { formatFen } from '@/utilities/formatFen'

import { DailyChart, FunnelStepsChart } from './FunnelCharts'

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)
const cell: React.CSSProperties = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'right', whiteSpace: 'nowrap' }
const left: React.CSSProperties = { ...cell, textAlign: 'left', whiteSpace: 'normal' }
const card: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: '12px 16px', minWidth: 120 }

function Rates({ c }: { c: Conversion }) {
  return (
    <>
      <td style={cell}>{pct(c.tapRate)}</td>
      <td style={cell}>{pct(c.landingRate)}</td>
      <td style={cell}>{pct(c.checkoutRate)}</td>
      <td style={cell}>{pct(c.payRate)}</td>
    </>
  )
}

export function FunnelDashboard(props: {
  report: FunnelReport | null
  days: number
  brand: string | null
  brands: { id: string; name: string }[]
  allowAll: boolean
  adminRoute: string
  apiRoute: string
}) {
  const { report, days, brand, brands, adminRoute, apiRoute } = props
  // `brand=all` says "all brands" explicitly; without it the view follows the admin's 当前品牌 selector.
  const href = (d: number, b: string | null) => `${adminRoute}/funnel?days=${d}&brand=${b ? encodeURIComponent(b) : 'all'}`
  const csv = (kind: string) => `${apiRoute}/funnel/export.csv?kind=${kind}&days=${days}${brand ? `&brand=${encodeURIComponent(brand)}` : ''}`
  const link = (active: boolean): React.CSSProperties => ({ marginRight: 12, fontWeight: active ? 700 : 400, textDecoration: active ? 'underline' : 'none' })
  return (
    <div className="funnel-dashboard" data-testid="funnel-dashboard">
      <h1 style={{ marginBottom: 8 }}>转化漏斗</h1>
      <p style={{ color: 'var(--theme-elevation-500)', marginTop: 0 }}>
        阅读 → 商品曝光 → 点击 → 落地页 → 下单 → 支付。阅读 = 网页阅读 + 公众号后台阅读（每日导入）；订单与销售额按支付时间、按文章来源归因，已退款订单不计销售额。
      </p>
      <nav style={{ margin: '12px 0' }} aria-label="时间范围与品牌">
        <a href={href(7, brand)} style={link(days === 7)}>近 7 天</a>
        <a href={href(30, brand)} style={link(days === 30)}>近 30 天</a>
        <span style={{ margin: '0 12px', color: 'var(--theme-elevation-300)' }}>|</span>
        {props.allowAll ? <a href={href(days, null)} style={link(!brand)} aria-current={!brand ? 'page' : undefined}>全部品牌</a> : null}
        {brands.map((b) => (
          <a key={b.id} href={href(days, b.id)} style={link(brand === b.id)} aria-current={brand === b.id ? 'page' : undefined}>
            {b.name}
          </a>
        ))}
      </nav>
      {!report ? (
        <p role="alert">你没有查看该品牌数据的权限。</p>
      ) : (
        <>
          <section style={{ display: 'flex', gap: 12, flexWrap: 'wrap', margin: '16px 0' }} aria-label="合计">
            <div style={card}><div>阅读</div><strong data-total="reads">{report.totals.reads}</strong></div>
            <div style={card}><div>商品点击</div><strong data-total="taps">{report.totals.taps}</strong></div>
            <div style={card}><div>落地页浏览</div><strong data-total="landingViews">{report.totals.landingViews}</strong></div>
            <div style={card}><div>发起下单</div><strong data-total="checkouts">{report.totals.checkouts}</strong></div>
            <div style={card}><div>支付订单</div><strong data-total="orders">{report.totals.orders}</strong></div>
            <div style={card}><div>销售额</div><strong data-total="revenue">{formatFen(report.totals.revenue)}</strong></div>
            <div style={card}><div>整体转化</div><strong>{pct(report.totals.conversion.overall)}</strong></div>
            <div style={card}><div>新关注（文章二维码）</div><strong data-total="follows">{report.totals.follows}</strong></div>
          </section>
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1fr) minmax(0,1.4fr)', gap: 24 }}>
            <section><h3>漏斗</h3><FunnelStepsChart totals={report.totals} /></section>
            <section><h3>每日趋势</h3><DailyChart daily={report.daily} /></section>
          </div>
          <p style={{ margin: '16px 0' }}>
            导出 CSV：<a href={csv('articles')} style={link(false)}>按文章</a>
            <a href={csv('blocks')} style={link(false)}>按商品块</a>
            <a href={csv('products')} style={link(false)}>按商品</a>
            <a href={csv('daily')} style={link(false)}>按日</a>
          </p>

          <h3>按文章（展开查看每个商品块）</h3>
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="funnel-articles">
              <thead>
                <tr>
                  <th style={left}>文章 / 商品块</th><th style={cell}>阅读</th><th style={cell}>曝光</th><th style={cell}>点击</th><th style={cell}>落地页</th>
                  <th style={cell}>下单</th><th style={cell}>支付</th><th style={cell}>销售额</th><th style={cell}>点击率</th><th style={cell}>落地率</th><th style={cell}>下单率</th><th style={cell}>支付率</th>
                </tr>
              </thead>
              <tbody>
                {report.articles.length === 0 ? (
                  <tr><td style={left} colSpan={12}>这段时间还没有数据。</td></tr>
                ) : null}
                {report.articles.map((a) => (
                  <React.Fragment key={a.article}>
                    <tr data-article={a.article}>
                      <td style={left}>
                        <a href={`${adminRoute}/collections/articles/${a.article}`}>{a.title}</a>
                        <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>网页 {a.webReads} · 公众号 {a.wechatReads} · 分享 {a.wechatShares} · 新关注 <span data-follows>{a.follows}</span></div>
                      </td>
                      <td style={cell}>{a.reads}</td><td style={cell}>{a.impressions}</td><td style={cell}>{a.taps}</td><td style={cell}>{a.landingViews}</td>
                      <td style={cell}>{a.checkouts}</td><td style={cell}>{a.orders}</td><td style={cell}>{formatFen(a.revenue)}</td>
                      <Rates c={a.conversion} />
                    </tr>
                    {a.blocks.map((b) => (
                      <tr key={`${a.article}-${b.block}`} data-block={b.block} style={{ background: 'var(--theme-elevation-50)' }}>
                        <td style={{ ...left, paddingLeft: 28 }}>第 {b.block + 1} 个商品块</td>
                        <td style={cell}>—</td><td style={cell}>{b.impressions}</td><td style={cell}>{b.taps}</td><td style={cell}>{b.landingViews}</td>
                        <td style={cell}>{b.checkouts}</td><td style={cell}>{b.orders}</td><td style={cell}>{formatFen(b.revenue)}</td>
                        <Rates c={b.conversion} />
                      </tr>
                    ))}
                  </React.Fragment>
                ))}
              </tbody>
            </table>
          </div>

          <h3 style={{ marginTop: 24 }}>按商品：哪些文章卖出了它</h3>
          <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="funnel-products">
            <thead>
              <tr><th style={left}>商品</th><th style={left}>来源文章</th><th style={cell}>落地页</th><th style={cell}>订单</th><th style={cell}>件数</th><th style={cell}>销售额</th></tr>
            </thead>
            <tbody>
              {report.products.map((p) => (
                <React.Fragment key={p.product}>
                  <tr>
                    <td style={left}><strong>{p.title}</strong></td><td style={left}>合计</td>
                    <td style={cell}>{p.landingViews}</td><td style={cell}>{p.orders}</td><td style={cell}>{p.units}</td><td style={cell}>{formatFen(p.revenue)}</td>
                  </tr>
                  {p.articles.map((a) => (
                    <tr key={`${p.product}-${a.article ?? 'none'}`}>
                      <td style={left} /><td style={left}>{a.title}</td><td style={cell}>—</td>
                      <td style={cell}>{a.orders}</td><td style={cell}>{a.units}</td><td style={cell}>{formatFen(a.revenue)}</td>
                    </tr>
                  ))}
                </React.Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
