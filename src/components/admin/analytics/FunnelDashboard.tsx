import React from 'react'

import type { ArticleHours, Conversion, FunnelReport, StepCounts } from '@/analytics/funnel'
import { type ReportWindow, WINDOW_DAYS, windowQuery } from '@/analytics/window'
import { formatFen } from '@/utilities/formatFen'

import { DailyChart, FunnelStepsChart, TrendChart } from './FunnelCharts'

const OVER_100 = '超过 100%：访客在不同日期完成了前后两步，或有异常流量'
const num = (n: number) => n.toLocaleString('zh-CN')
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

function Rate({ v }: { v: number | null }) {
  if (v === null || v <= 1) return <>{pct(v)}</>
  return (
    <span title={OVER_100} style={{ color: 'var(--theme-warning-600, #b45309)' }} data-anomaly>
      {pct(v)} ⚠
    </span>
  )
}

/** Steps whose count passes the step before: worth a word, since a flood of beacons looks like this. */
function anomalies(t: StepCounts): string[] {
  const out: string[] = []
  if (t.impressions > 0 && t.taps > t.impressions) out.push(`点击（${num(t.taps)}）多于曝光（${num(t.impressions)}）`)
  if (t.taps > 0 && t.landingViews > t.taps * 3) out.push(`落地页浏览（${num(t.landingViews)}）远多于点击（${num(t.taps)}）`)
  return out
}
const cell: React.CSSProperties = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'right', whiteSpace: 'nowrap' }
const left: React.CSSProperties = { ...cell, textAlign: 'left', whiteSpace: 'normal' }
const card: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: '12px 16px', minWidth: 120 }

function Rates({ c }: { c: Conversion }) {
  return (
    <>
      <td style={cell}>
        <Rate v={c.tapRate} />
      </td>
      <td style={cell}>
        <Rate v={c.landingRate} />
      </td>
      <td style={cell}>
        <Rate v={c.checkoutRate} />
      </td>
      <td style={cell}>
        <Rate v={c.payRate} />
      </td>
    </>
  )
}

export function FunnelDashboard(props: {
  report: FunnelReport | null
  window: ReportWindow
  /** A bad custom range (the message names the field); the report then shows the default window. */
  windowError?: string
  /** What was typed into a range that was refused, shown again so nothing is lost. */
  typedRange?: { from: string; to: string }
  /** /admin/funnel?article=<id>: the article's first 48 hours instead of the report. */
  hours?: ArticleHours | null
  brand: string | null
  brands: { id: string; name: string }[]
  allowAll: boolean
  adminRoute: string
  apiRoute: string
}) {
  const { report, window, brand, brands, adminRoute, apiRoute } = props
  const brandQuery = `brand=${brand ? encodeURIComponent(brand) : 'all'}`
  // `brand=all` says "all brands" explicitly; without it the view follows the admin's 当前品牌 selector.
  const href = (w: ReportWindow, b: string | null) => `${adminRoute}/funnel?${windowQuery(w)}&brand=${b ? encodeURIComponent(b) : 'all'}`
  const csv = (kind: string) => `${apiRoute}/funnel/export.csv?kind=${kind}&${windowQuery(window)}${brand ? `&brand=${encodeURIComponent(brand)}` : ''}`
  const hoursHref = (article: string) => `${adminRoute}/funnel?article=${encodeURIComponent(article)}&${brandQuery}`
  const link = (active: boolean): React.CSSProperties => ({ marginRight: 12, fontWeight: active ? 700 : 400, textDecoration: active ? 'underline' : 'none' })
  const custom = 'fromDay' in window ? window : null
  if (props.hours !== undefined) return <HoursView hours={props.hours} back={href(window, brand)} />
  return (
    <div className="funnel-dashboard" data-testid="funnel-dashboard">
      <h1 style={{ marginBottom: 8 }}>转化漏斗</h1>
      <p style={{ color: 'var(--theme-elevation-500)', marginTop: 0 }}>
        阅读 → 商品曝光 → 点击 → 落地页 → 下单 → 支付。阅读 = 网页阅读 + 公众号后台阅读（每日导入）。数量按次计（同一访客每天每个商品块最多计 3
        次），转化率按访客人数计。销售额 = 实付金额（优惠后），按支付时间、按文章来源归因；退款单列，按退款时间计。
      </p>
      <nav style={{ margin: '12px 0' }} aria-label="时间范围与品牌">
        {WINDOW_DAYS.map((d) => (
          <a key={d} href={href({ days: d }, brand)} style={link('days' in window && window.days === d)}>
            近 {d} 天
          </a>
        ))}
        <span style={{ margin: '0 12px', color: 'var(--theme-elevation-300)' }}>|</span>
        {props.allowAll ? (
          <a href={href(window, null)} style={link(!brand)} aria-current={!brand ? 'page' : undefined}>
            全部品牌
          </a>
        ) : null}
        {brands.map((b) => (
          <a key={b.id} href={href(window, b.id)} style={link(brand === b.id)} aria-current={brand === b.id ? 'page' : undefined}>
            {b.name}
          </a>
        ))}
      </nav>
      <form
        method="get"
        action={`${adminRoute}/funnel`}
        style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', margin: '8px 0' }}
        aria-label="自定义日期范围"
      >
        <input type="hidden" name="brand" value={brand ?? 'all'} />
        <label>
          从 <input type="date" name="from" defaultValue={props.typedRange?.from ?? custom?.fromDay ?? report?.window.fromDay} required />
        </label>
        <label>
          到 <input type="date" name="to" defaultValue={props.typedRange?.to ?? custom?.toDay ?? report?.window.toDay} required />
        </label>
        <button type="submit">查看</button>
        {props.windowError ? (
          <span role="alert" style={{ color: 'var(--theme-error-500, #dc2626)' }}>
            {props.windowError}
          </span>
        ) : null}
      </form>
      {!report ? (
        <p role="alert">你没有查看该品牌数据的权限。</p>
      ) : (
        <>
          <p style={{ margin: '4px 0' }} data-testid="funnel-window">
            {report.window.fromDay} 至 {report.window.toDay}（{report.window.days} 天，北京时间）
          </p>
          {anomalies(report.totals).map((text) => (
            <p key={text} role="note" data-testid="funnel-anomaly" style={{ color: 'var(--theme-warning-600, #b45309)' }}>
              ⚠ {text}：可能有刷量或异常流量。同一访客的重复点击已限量计数，转化率按访客人数计算。
            </p>
          ))}
          <section style={{ display: 'flex', gap: 12, flexWrap: 'wrap', margin: '16px 0' }} aria-label="合计">
            <div style={card}>
              <div>阅读</div>
              <strong data-total="reads">{report.totals.reads}</strong>
              <Visitors n={report.totals.visitors.reads} />
            </div>
            <div style={card}>
              <div>商品点击</div>
              <strong data-total="taps">{report.totals.taps}</strong>
              <Visitors n={report.totals.visitors.taps} />
            </div>
            <div style={card}>
              <div>落地页浏览</div>
              <strong data-total="landingViews">{report.totals.landingViews}</strong>
              <Visitors n={report.totals.visitors.landingViews} />
            </div>
            <div style={card}>
              <div>发起下单</div>
              <strong data-total="checkouts">{report.totals.checkouts}</strong>
            </div>
            <div style={card}>
              <div>支付订单</div>
              <strong data-total="orders">{report.totals.orders}</strong>
            </div>
            <div style={card}>
              <div>销售额</div>
              <strong data-total="revenue">{formatFen(report.totals.revenue)}</strong>
            </div>
            <div style={card}>
              <div>退款</div>
              <strong data-total="refundAmount">{formatFen(report.totals.refundAmount)}</strong>
              <div style={{ fontSize: 12 }}>{report.totals.refunds} 单</div>
            </div>
            <div style={card}>
              <div>整体转化</div>
              <strong>
                <Rate v={report.totals.conversion.overall} />
              </strong>
            </div>
            <div style={card}>
              <div>新关注（文章二维码）</div>
              <strong data-total="follows">{report.totals.follows}</strong>
            </div>
          </section>
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1fr) minmax(0,1.4fr)', gap: 24 }}>
            <section>
              <h3>漏斗</h3>
              <FunnelStepsChart totals={report.totals} />
            </section>
            <section>
              <h3>每日趋势</h3>
              <DailyChart daily={report.daily} />
            </section>
          </div>
          <p style={{ margin: '16px 0' }}>
            导出 CSV：
            <a href={csv('articles')} style={link(false)}>
              按文章
            </a>
            <a href={csv('blocks')} style={link(false)}>
              按商品块
            </a>
            <a href={csv('products')} style={link(false)}>
              按商品
            </a>
            <a href={csv('daily')} style={link(false)}>
              按日
            </a>
          </p>

          <h3>按文章（展开查看每个商品块）</h3>
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="funnel-articles">
              <thead>
                <tr>
                  <th style={left}>文章 / 商品块</th>
                  <th style={cell}>阅读</th>
                  <th style={cell}>曝光</th>
                  <th style={cell}>点击</th>
                  <th style={cell}>落地页</th>
                  <th style={cell}>下单</th>
                  <th style={cell}>支付</th>
                  <th style={cell}>销售额</th>
                  <th style={cell}>退款</th>
                  <th style={cell}>点击率</th>
                  <th style={cell}>落地率</th>
                  <th style={cell}>下单率</th>
                  <th style={cell}>支付率</th>
                </tr>
              </thead>
              <tbody>
                {report.articles.length === 0 ? (
                  <tr>
                    <td style={left} colSpan={13}>
                      这段时间还没有数据。
                    </td>
                  </tr>
                ) : null}
                {report.articles.map((a) => (
                  <React.Fragment key={a.article}>
                    <tr data-article={a.article}>
                      <td style={left}>
                        <a href={`${adminRoute}/collections/articles/${a.article}`}>{a.title}</a>
                        <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>
                          网页 {a.webReads} · 公众号 {a.wechatReads} · 分享 {a.wechatShares} · 新关注 <span data-follows>{a.follows}</span> ·{' '}
                          <a href={hoursHref(a.article)} data-hours-link>
                            推送后 48 小时
                          </a>
                        </div>
                      </td>
                      <td style={cell}>{a.reads}</td>
                      <td style={cell}>{a.impressions}</td>
                      <td style={cell}>{a.taps}</td>
                      <td style={cell}>{a.landingViews}</td>
                      <td style={cell}>{a.checkouts}</td>
                      <td style={cell}>{a.orders}</td>
                      <td style={cell}>{formatFen(a.revenue)}</td>
                      <td style={cell}>{a.refunds ? formatFen(a.refundAmount) : '—'}</td>
                      <Rates c={a.conversion} />
                    </tr>
                    {a.blocks.map((b) => (
                      <tr key={`${a.article}-${b.block}`} data-block={b.block} style={{ background: 'var(--theme-elevation-50)' }}>
                        <td style={{ ...left, paddingLeft: 28 }} data-block-name>
                          {b.name}
                        </td>
                        <td style={cell}>—</td>
                        <td style={cell}>{b.impressions}</td>
                        <td style={cell}>{b.taps}</td>
                        <td style={cell}>{b.landingViews}</td>
                        <td style={cell}>{b.checkouts}</td>
                        <td style={cell}>{b.orders}</td>
                        <td style={cell}>{formatFen(b.revenue)}</td>
                        <td style={cell}>{b.refunds ? formatFen(b.refundAmount) : '—'}</td>
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
              <tr>
                <th style={left}>商品</th>
                <th style={left}>来源文章</th>
                <th style={cell}>落地页</th>
                <th style={cell}>订单</th>
                <th style={cell}>件数</th>
                <th style={cell}>销售额</th>
                <th style={cell}>退款</th>
              </tr>
            </thead>
            <tbody>
              {report.products.map((p) => (
                <React.Fragment key={p.product}>
                  <tr>
                    <td style={left}>
                      <strong>{p.title}</strong>
                    </td>
                    <td style={left}>合计</td>
                    <td style={cell}>{p.landingViews}</td>
                    <td style={cell}>{p.orders}</td>
                    <td style={cell}>{p.units}</td>
                    <td style={cell}>{formatFen(p.revenue)}</td>
                    <td style={cell}>{p.refunds ? formatFen(p.refundAmount) : '—'}</td>
                  </tr>
                  {p.articles.map((a) => (
                    <tr key={`${p.product}-${a.article ?? 'none'}`}>
                      <td style={left} />
                      <td style={left}>{a.title}</td>
                      <td style={cell}>—</td>
                      <td style={cell}>{a.orders}</td>
                      <td style={cell}>{a.units}</td>
                      <td style={cell}>{formatFen(a.revenue)}</td>
                      <td style={cell} />
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

const Visitors = ({ n }: { n: number }) => <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>{num(n)} 人</div>

const hourLabel = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** 推送后 48 小时: one article's first 48 hours from its push, hour by hour. */
function HoursView({ hours, back }: { hours: ArticleHours | null; back: string }) {
  return (
    <div className="funnel-dashboard" data-testid="funnel-hours">
      <p>
        <a href={back}>← 返回转化漏斗</a>
      </p>
      {!hours ? (
        <p role="alert">没有找到这篇文章，或你没有查看它的权限。</p>
      ) : (
        <>
          <h1 style={{ marginBottom: 8 }}>「{hours.title}」推送后 48 小时</h1>
          <p style={{ color: 'var(--theme-elevation-500)', marginTop: 0 }}>
            {hours.startSource === 'push'
              ? `从推送时间 ${hourLabel(hours.start)} 起，按小时（北京时间）。`
              : hours.startSource === 'first_event'
                ? `这篇文章没有从这里推送过，从第一条数据 ${hourLabel(hours.start)} 起。`
                : '这篇文章还没有数据。'}
          </p>
          <TrendChart name="推送后 48 小时" rows={hours.hours.map((h) => ({ ...h, label: hourLabel(h.hour) }))} />
          <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: 16 }} data-testid="funnel-hours-table">
            <thead>
              <tr>
                <th style={left}>时间</th>
                <th style={cell}>网页阅读</th>
                <th style={cell}>曝光</th>
                <th style={cell}>点击</th>
                <th style={cell}>落地页</th>
                <th style={cell}>下单</th>
                <th style={cell}>支付</th>
                <th style={cell}>销售额</th>
              </tr>
            </thead>
            <tbody>
              {hours.hours.map((h, i) => (
                <tr key={h.hour} data-hour={i}>
                  <td style={left}>
                    第 {i + 1} 小时 · {hourLabel(h.hour)}
                  </td>
                  <td style={cell}>{h.reads}</td>
                  <td style={cell}>{h.impressions}</td>
                  <td style={cell}>{h.taps}</td>
                  <td style={cell}>{h.landingViews}</td>
                  <td style={cell}>{h.checkouts}</td>
                  <td style={cell}>{h.orders}</td>
                  <td style={cell}>{formatFen(h.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
