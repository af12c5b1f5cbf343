'use client'
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

import { CARRIERS } from '@/commerce/carriers'
import { ORDER_ACTION_RULES, orderActionsFrom, orderStatusLabel } from '@/commerce/orderStateMachine'

type HistoryEntry = { id: string; from?: string | null; to: string; reason?: string | null; createdAt: string }

const statusLabel = (value?: string | null) => (value == null ? '—' : orderStatusLabel(value))

/** Order sidebar: the actions legal from the current status, and the order's history. */
export const OrderActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const { config } = useConfig()
  const router = useRouter()
  const [history, setHistory] = useState<HistoryEntry[]>([])
  const [note, setNote] = useState('')
  const [carrier, setCarrier] = useState('')
  const [trackingNumber, setTrackingNumber] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const api = `${config.serverURL}${config.routes.api}`

  useEffect(() => {
    if (!id) return
    fetch(`${api}/order-events?where[order][equals]=${id}&sort=createdAt&limit=100&depth=0`, { credentials: 'include' })
      .then((r) => r.json())
      .then((body) => setHistory(body.docs ?? []))
      .catch(() => setHistory([]))
  }, [id, api, status])

  if (!id) return null
  const run = async (action: string, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return
    setBusy(true)
    setMessage(null)
    try {
      const res = await fetch(`${api}/orders/${id}/action`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action,
          note: note.trim() || undefined,
          ...(action === 'ship' ? { carrier: carrier || undefined, trackingNumber: trackingNumber.trim() || undefined } : {}),
        }),
      })
      const body = await res.json()
      if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`)
      setMessage(`订单已更新为「${statusLabel(body.order.status)}」`)
      setNote('')
      if (action === 'ship') setTrackingNumber('')
      router.refresh()
    } catch (e) {
      setMessage(`操作失败：${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  const available = orderActionsFrom(status || undefined).map((action) => ({ action, ...ORDER_ACTION_RULES[action] }))
  return (
    <div className="field-type" data-testid="order-actions" style={{ marginBottom: 24 }}>
      <strong>订单处理</strong>
      {available.length ? (
        <>
          {available.some((a) => a.action === 'ship') ? (
            <ShipmentInputs carrier={carrier} trackingNumber={trackingNumber} onCarrier={setCarrier} onTrackingNumber={setTrackingNumber} />
          ) : null}
          <input
            aria-label="备注"
            placeholder="备注"
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: '100%', margin: '8px 0' }}
          />
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {available.map((a) => (
              <button
                key={a.action}
                type="button"
                className="btn btn--style-secondary btn--size-small"
                style={{ margin: 0 }}
                disabled={busy}
                onClick={() => run(a.action, a.confirm)}
              >
                {a.label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p style={{ color: 'var(--theme-elevation-500)' }}>当前状态「{statusLabel(status)}」无可执行操作</p>
      )}
      {message ? <p role="status">{message}</p> : null}
      <ol aria-label="订单记录" style={{ paddingLeft: 18, fontSize: 12 }}>
        {history.map((h) => (
          <li key={h.id}>
            {new Date(h.createdAt).toLocaleString('zh-CN')}：{statusLabel(h.from)} → {statusLabel(h.to)}
            {h.reason ? `（${h.reason}）` : ''}
          </li>
        ))}
      </ol>
    </div>
  )
}

/** 发货 needs the carrier and the tracking number (the server refuses 发货 without them). */
function ShipmentInputs(props: { carrier: string; trackingNumber: string; onCarrier: (v: string) => void; onTrackingNumber: (v: string) => void }) {
  return (
    <div style={{ display: 'flex', gap: 8, margin: '8px 0 0' }}>
      <select aria-label="快递公司" value={props.carrier} onChange={(e) => props.onCarrier(e.target.value)} style={{ flex: '0 0 auto' }}>
        <option value="">快递公司</option>
        {CARRIERS.map((c) => (
          <option key={c.value} value={c.value}>
            {c.zh}
          </option>
        ))}
      </select>
      <input
        aria-label="运单号"
        placeholder="运单号（发货必填）"
        value={props.trackingNumber}
        maxLength={40}
        onChange={(e) => props.onTrackingNumber(e.target.value)}
        style={{ flex: 1, minWidth: 0 }}
      />
    </div>
  )
}
