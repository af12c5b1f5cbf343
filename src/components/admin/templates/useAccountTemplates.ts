'use client'
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { AccountTemplate, AccountTemplatesBody } from '@/collections/WechatAccounts/endpoints/templates'

export type TemplatesState = { status: 'loading' } | { status: 'ready'; templates: AccountTemplate[] } | { status: 'error'; message: string }

// One request per account for all of its template rows; a failure is not kept, so the next mount asks again.
const requests = new Map<string, Promise<AccountTemplate[]>>()

async function request(url: string): Promise<AccountTemplate[]> {
  const res = await fetch(url, { credentials: 'include', cache: 'no-store' })
  const body = (await res.json().catch(() => ({}))) as Partial<AccountTemplatesBody> & { error?: { message?: string } }
  if (!res.ok || !body.templates) throw new Error(body.error?.message ?? `读取模板列表失败（HTTP ${res.status}）`)
  return body.templates
}

function templatesOf(url: string): Promise<AccountTemplate[]> {
  let pending = requests.get(url)
  if (!pending) {
    pending = request(url)
    requests.set(url, pending)
    pending.catch(() => requests.delete(url))
    // Kept briefly: a template added in the 公众平台 shows up on the next visit.
    setTimeout(() => requests.delete(url), 30_000)
  }
  return pending
}

/** The account's own templates, from GET /api/wechat-accounts/:id/templates; `accountId` undefined: not saved yet. */
export function useAccountTemplates(accountId: string | number | undefined): TemplatesState {
  const { config } = useConfig()
  const [state, setState] = useState<TemplatesState>({ status: 'loading' })
  const url = accountId ? `${config.serverURL}${config.routes.api}/wechat-accounts/${accountId}/templates` : undefined
  useEffect(() => {
    if (!url) return
    let live = true
    templatesOf(url).then(
      (templates) => live && setState({ status: 'ready', templates }),
      (error: Error) => live && setState({ status: 'error', message: error.message }),
    )
    return () => {
      live = false
    }
  }, [url])
  if (!url) return { status: 'error', message: '保存公众号后才能从模板列表中选择，现在请直接填写模板 ID' }
  return state
}
