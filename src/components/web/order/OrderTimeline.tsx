import React from 'react'

import type { TimelineStep } from '@/commerce/orderTimeline'

import './order.css'

/** 订单进度: the steps reached (with their Beijing time) and those still ahead. */
export function OrderTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <section className="order-section" data-testid="order-timeline" aria-labelledby="order-timeline-title">
      <h2 id="order-timeline-title">订单进度</h2>
      <ol className="order-timeline">
        {steps.map((step) => (
          <li key={step.key} data-step={step.key} data-done={step.done}>
            {step.label}
            {step.at ? <time>{step.at}</time> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
