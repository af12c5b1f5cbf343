import React from 'react'

import { errorMessage, type Outcome } from '@/communities/outcome'

export type ActionNote = { ok: boolean; text: string }

/** What the reader is told after an action: a status when it worked, an alert when it was refused. */
export function ActionMessage({ note }: { note: ActionNote | null }) {
  if (!note) return null
  return (
    <p role={note.ok ? 'status' : 'alert'} className={`reader-action__msg ${note.ok ? 'reader-action__ok' : 'reader-action__error'}`}>
      {note.text}
    </p>
  )
}

/** The note of a form post's outcome (./outcome.ts): `success` when it worked, the refusal's message otherwise. */
export function noteOf(outcome: Outcome | null, success: string, limit?: number): ActionNote | null {
  if (!outcome) return null
  return outcome.ok ? { ok: true, text: success } : { ok: false, text: errorMessage(outcome.error, outcome.field, limit) }
}
