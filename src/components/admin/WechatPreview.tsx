'use client'
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { copyRichText } from './copyRichText'

type Result = { html: string; warnings: string[]; stats: { chars: number; bytes: number; images: number; textChars?: number } }

const THEMES = [
  { name: 'default', label: '默认' },
  { name: 'warm', label: '暖色' },
  { name: 'minimal', label: '极简' },
]

/**
 * The article as WeChat readers will see it, at phone width, re-rendered (debounced) as the editor types,
 * with the renderer's warnings and a one-click copy of the WeChat-ready HTML for the mp.weixin editor.
 */
export const WechatPreview: React.FC = () => {
  const title = useFormFields(([fields]) => fields.title?.value) as string | undefined
  const content = useFormFields(([fields]) => fields.content?.value)
  const brand = useFormFields(([fields]) => fields.brand?.value) as string | undefined
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [theme, setTheme] = useState('default')
  const [dark, setDark] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const request = useRef(0)

  useEffect(() => {
    if (!content) return
    const mine = ++request.current
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${config.serverURL}${config.routes.api}/articles/wechat-preview`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id, title, content, brand, theme, darkMode: dark }),
        })
        const body = await res.json()
        if (mine !== request.current) return
        if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`)
        setResult(body)
        setError(null)
      } catch (e) {
        if (mine === request.current) setError(e instanceof Error ? e.message : String(e))
      }
    }, 400)
    return () => clearTimeout(timer)
  }, [content, title, brand, theme, dark, id, config.serverURL, config.routes.api])

  const copy = async () => {
    if (!result) return
    const ok = await copyRichText(result.html)
    setCopyState(ok ? 'copied' : 'failed')
    setTimeout(() => setCopyState('idle'), 2500)
  }

  const background = dark ? '#191919' : '#ffffff'
  const doc = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body style="margin:0;padding:16px;background:${background};font-family:-apple-system,'PingFang SC','WenQuanYi Micro Hei',sans-serif">${
    title ? `<h1 style="font-size:22px;line-height:1.4;margin:0 0 16px;color:${dark ? '#d3d3d3' : '#1f2329'}">${escapeHtml(title)}</h1>` : ''
  }${result?.html ?? ''}</body></html>`

  return (
    <div className="field-type" data-testid="wechat-preview" style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 8 }}>
        <strong>公众号预览</strong>
        <select aria-label="主题" value={theme} onChange={(e) => setTheme(e.target.value)}>
          {THEMES.map((t) => (
            <option key={t.name} value={t.name}>
              {t.label}
            </option>
          ))}
        </select>
        <label style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> 深色模式
        </label>
        <button type="button" className="btn btn--style-primary btn--size-small" onClick={copy} disabled={!result} style={{ margin: 0 }}>
          {copyState === 'copied' ? '已复制 ✓' : copyState === 'failed' ? '复制失败' : '复制到公众号'}
        </button>
      </div>
      <iframe
        title="公众号预览"
        sandbox="allow-popups"
        srcDoc={doc}
        style={{ width: 375, maxWidth: '100%', height: 640, border: '1px solid var(--theme-elevation-150)', borderRadius: 12, background }}
      />
      {result ? (
        <p style={{ fontSize: 12, color: 'var(--theme-elevation-500)', margin: '6px 0' }}>
          正文 {result.stats.textChars ?? '—'} 字 · HTML {result.stats.chars.toLocaleString()} / 20,000 字符 · {result.stats.images} 张图片
        </p>
      ) : null}
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          预览失败：{error}
        </p>
      ) : null}
      {result?.warnings.length ? (
        <ul aria-label="排版提示" style={{ fontSize: 12, paddingLeft: 16, color: 'var(--theme-warning-600, #b7791f)' }}>
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
}
