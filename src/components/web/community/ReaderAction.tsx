'use client'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { ActionMessage, type ActionNote } from './ActionMessage'

type Field = { name: 'name' | 'phone'; label: string; type?: string }

/**
 * A reader's action on the community page (sign up, claim, join): a real form posting to the endpoint, so it works
 * without JavaScript (the endpoint answers 303 back to the page, whose `outcome` note is shown here). With
 * JavaScript it POSTs JSON instead, shows the server's message in Chinese, then refreshes the page so counts and
 * states come from the server.
 */
export function ReaderAction({
  endpoint,
  label,
  doneLabel,
  done = false,
  fields = [],
  testId,
  outcome = null,
}: {
  endpoint: string
  label: string
  doneLabel: string
  done?: boolean
  fields?: Field[]
  testId?: string
  /** What the no-JS form post just did, from the page's query. */
  outcome?: ActionNote | null
}) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<ActionNote | null>(outcome)
  // After a success the page refreshes into the done state; the reader still sees what just happened (their code).
  const status = <ActionMessage note={message} />
  if (done)
    return (
      <>
        <span className="reader-action reader-action--done" data-testid={testId}>
          {doneLabel}
        </span>
        {status}
      </>
    )
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    const form = Object.fromEntries(new FormData(event.currentTarget))
    try {
      const post = () =>
        fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form), credentials: 'same-origin' })
      let res = await post()
      let body = await res.json().catch(() => ({}))
      // A first visit has no reader cookie yet: the refusal just set one, so the same action is sent again once.
      if (res.status === 403 && body.error?.code === 'READER_REQUIRED') {
        res = await post()
        body = await res.json().catch(() => ({}))
      }
      if (res.ok) {
        setMessage({
          ok: true,
          text: body.claim?.code ? `领取成功，券码 ${body.claim.code}` : body.member ? `欢迎！你是第 ${body.member.number} 位成员` : '报名成功',
        })
        router.refresh()
      } else setMessage({ ok: false, text: body.error?.message ?? '操作失败，请重试' })
    } catch {
      setMessage({ ok: false, text: '网络不太好，请重试' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="reader-action" method="post" action={endpoint} onSubmit={submit} data-testid={testId}>
      {fields.map((f) => (
        <input key={f.name} name={f.name} type={f.type ?? 'text'} placeholder={f.label} aria-label={f.label} maxLength={f.name === 'phone' ? 20 : 30} />
      ))}
      <button type="submit" disabled={busy}>
        {busy ? '请稍候…' : label}
      </button>
      {status}
    </form>
  )
}
