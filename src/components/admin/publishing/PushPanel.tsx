'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { ErrorBody } from '@/platform/errors'

type Step = { key: string; label: string; state: string; done: number; total: number; message?: string }
type PushDoc = {
  id: string
  status: string
  steps?: Step[] | null
  mediaId?: string | null
  lastError?: string | null
  publishedUrls?: { articleId: string; title?: string; url: string }[] | null
}

const STATUS_ZH: Record<string, string> = {
  draft: '未推送',
  queued: '排队中',
  uploading: '上传中',
  drafted: '已存草稿箱',
  publishing: '发表中（等待微信审核）',
  published: '已发表',
  sent: '已群发',
  failed: '失败',
  needs_manual_publish: '草稿已创建，请在公众平台手动发表',
}
const BUSY = ['queued', 'uploading', 'publishing']
const STEP_ICON: Record<string, string> = { pending: '○', running: '◐', done: '✓', failed: '✗', skipped: '–' }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 16, marginBottom: 24 }
const button: React.CSSProperties = { marginRight: 8, marginBottom: 8, padding: '6px 14px', cursor: 'pointer' }

/** Push progress (「上传图片 7/12」), result and the send buttons, on the push edit view. */
export function PushPanel() {
  const { id } = useDocumentInfo()
  const [push, setPush] = useState<PushDoc | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [to, setTo] = useState('')
  const [sending, setSending] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/pushes/${id}?depth=0`, { credentials: 'include' })
    if (res.ok) setPush((await res.json()) as PushDoc)
  }, [id])

  useEffect(() => {
    // load() sets state only after its fetch resolves; the rule misses the await (react/react#34905).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load()
  }, [load])

  const busy = sending || (push ? BUSY.includes(push.status) : false)
  useEffect(() => {
    if (!busy) return
    const timer = setInterval(() => void load(), 1000)
    return () => clearInterval(timer)
  }, [busy, load])

  if (!id) return <div style={box}>保存推送后即可推送到公众号草稿箱。</div>

  const send = async (action: 'draft' | 'publish' | 'massSend' | 'preview') => {
    setError(null)
    if (action === 'massSend' && !window.confirm('群发会推送给所有关注者，且订阅号每天只能群发一次。确定群发？')) return
    setSending(true)
    try {
      const res = await fetch(`/api/pushes/${id}/send`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'preview' ? { action, to } : { action }),
      })
      if (res.status !== 202) setError(((await res.json().catch(() => ({}))) as Partial<ErrorBody>).error?.message ?? `请求失败（${res.status}）`)
      await load()
    } finally {
      setSending(false)
    }
  }

  const steps = push?.steps ?? []
  return (
    <div style={box} data-testid="push-panel">
      <h4 style={{ marginTop: 0 }}>推送到公众号</h4>
      <p>
        状态：
        <strong data-testid="push-status" data-status={push?.status ?? ''}>
          {STATUS_ZH[push?.status ?? 'draft'] ?? push?.status}
        </strong>
        {push?.mediaId ? <span style={{ marginLeft: 12, opacity: 0.7 }}>草稿 media_id：{push.mediaId}</span> : null}
      </p>
      {steps.length > 0 && (
        <ol style={{ listStyle: 'none', paddingLeft: 0 }} data-testid="push-steps">
          {steps.map((s) => (
            <li key={s.key} data-step={s.key} data-state={s.state} style={{ marginBottom: 6 }}>
              <span style={{ display: 'inline-block', width: 20 }}>{STEP_ICON[s.state] ?? '○'}</span>
              {s.label}
              {s.total > 0 ? ` ${s.done}/${s.total}` : ''}
              {s.total > 0 && <progress value={s.done} max={s.total} style={{ marginLeft: 8, verticalAlign: 'middle', width: 120 }} />}
              {s.message ? <span style={{ marginLeft: 8, opacity: 0.8 }}>{s.message}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {push?.lastError ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)', whiteSpace: 'pre-wrap' }} data-testid="push-error">
          {push.lastError}
        </p>
      ) : null}
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      {push?.publishedUrls?.length ? (
        <ul>
          {push.publishedUrls.map((u) => (
            <li key={u.url}>
              <a href={u.url} target="_blank" rel="noreferrer">
                {u.title ?? u.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <button type="button" style={button} disabled={busy} onClick={() => void send('draft')}>
          推送到草稿箱
        </button>
        <button type="button" style={button} disabled={busy} onClick={() => void send('publish')}>
          发表
        </button>
        <button type="button" style={button} disabled={busy} onClick={() => void send('massSend')}>
          群发
        </button>
      </div>
      <div>
        <input
          aria-label="预览接收者"
          placeholder="微信号或 openid"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ marginRight: 8, padding: '5px 8px' }}
        />
        <button type="button" style={button} disabled={busy || !to.trim()} onClick={() => void send('preview')}>
          发送预览到手机
        </button>
      </div>
    </div>
  )
}
