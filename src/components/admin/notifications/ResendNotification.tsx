'use client'
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/** 「重新发送」 on a skipped or failed buyer notification (e.g. after the template was configured). */
export const ResendNotification: React.FC = () => {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  if (!id || (status !== 'failed' && status !== 'skipped')) return message ? <p role="status">{message}</p> : null
  async function resend() {
    setBusy(true)
    setMessage(null)
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/order-notifications/${id}/resend`, { method: 'POST', credentials: 'include' })
      const body = await res.json().catch(() => ({}))
      setMessage(res.ok ? '已重新排队发送，稍后刷新查看结果' : `重新发送失败：${body.error?.message ?? `HTTP ${res.status}`}`)
      if (res.ok) router.refresh()
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="field-type" data-testid="resend-notification" style={{ marginBottom: 16 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={resend}>
        重新发送
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
