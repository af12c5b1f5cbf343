'use client'
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'
import React, { useEffect, useRef } from 'react'

import type { FunnelReport } from '@/analytics/funnel'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend)

const COLORS = { reads: '#94a3b8', taps: '#3b82f6', landing: '#06b6d4', checkouts: '#f59e0b', orders: '#16a34a', revenue: '#dc2626' }

function useChart(build: (canvas: HTMLCanvasElement) => Chart, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!ref.current) return
    const chart = build(ref.current)
    return () => chart.destroy()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return ref
}

/** Step-by-step funnel totals as horizontal bars. */
export function FunnelStepsChart({ totals }: { totals: FunnelReport['totals'] }) {
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: ['阅读', '商品曝光', '商品点击', '落地页浏览', '发起下单', '支付订单'],
          datasets: [
            {
              label: '人次',
              data: [totals.reads, totals.impressions, totals.taps, totals.landingViews, totals.checkouts, totals.orders],
              backgroundColor: [COLORS.reads, '#a5b4fc', COLORS.taps, COLORS.landing, COLORS.checkouts, COLORS.orders],
            },
          ],
        },
        options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } },
      }),
    [totals],
  )
  return (
    <div style={{ position: 'relative', height: 240 }}>
      <canvas ref={ref} role="img" aria-label="转化漏斗" data-chart="funnel-steps" />
    </div>
  )
}

type TrendRow = { label: string; reads: number; taps: number; landingViews: number; orders: number; revenue: number }

/** Reads, taps, landings and orders per period (bars) with revenue in yuan (line, right axis): by day or by hour. */
export function TrendChart({ rows, name }: { rows: TrendRow[]; name: string }) {
  const daily = rows
  const ref = useChart(
    (canvas) =>
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: daily.map((d) => d.label),
          datasets: [
            { type: 'bar', label: '阅读', data: daily.map((d) => d.reads), backgroundColor: COLORS.reads, yAxisID: 'y' },
            { type: 'bar', label: '点击', data: daily.map((d) => d.taps), backgroundColor: COLORS.taps, yAxisID: 'y' },
            { type: 'bar', label: '落地页', data: daily.map((d) => d.landingViews), backgroundColor: COLORS.landing, yAxisID: 'y' },
            { type: 'bar', label: '订单', data: daily.map((d) => d.orders), backgroundColor: COLORS.orders, yAxisID: 'y' },
            {
              type: 'line',
              label: '销售额（元）',
              data: daily.map((d) => d.revenue / 100),
              borderColor: COLORS.revenue,
              backgroundColor: COLORS.revenue,
              yAxisID: 'y1',
              tension: 0.2,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } },
        },
      }),
    [daily],
  )
  return (
    <div style={{ position: 'relative', height: 280 }}>
      <canvas ref={ref} role="img" aria-label={name} data-chart={name === '每日趋势' ? 'daily' : 'hours'} />
    </div>
  )
}

export const DailyChart = ({ daily }: { daily: FunnelReport['daily'] }) => (
  <TrendChart name="每日趋势" rows={daily.map((d) => ({ ...d, label: d.day.slice(5) }))} />
)
