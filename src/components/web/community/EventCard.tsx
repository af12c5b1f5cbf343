import React from 'react'

import type { Outcome } from '@/communities/outcome'
import type { CommunityEvent } from '@/payload-types'

import { ActionMessage, noteOf } from './ActionMessage'
import { ReaderAction } from './ReaderAction'

const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** `outcome`: a no-JS sign-up for this event that just came back. */
export function EventCard({ event, outcome = null }: { event: CommunityEvent & { mine: boolean }; outcome?: Outcome | null }) {
  const taken = event.signedUp ?? 0
  const left = Math.max(0, event.capacity - taken)
  const note = noteOf(outcome, '报名成功')
  return (
    <li className="community-card" data-event={event.id} id={`event-${event.id}`}>
      <h3>{event.title}</h3>
      <p className="community-card__meta">
        <time dateTime={event.startsAt}>{fmt.format(new Date(event.startsAt))}</time>
        {' · '}
        {event.mode === 'online' ? `线上${event.place ? `（${event.place}）` : ''}` : event.place}
      </p>
      {event.description ? <p>{event.description}</p> : null}
      <p className="community-card__meta" data-testid="seats">
        已报名 {taken}/{event.capacity}
        {left > 0 ? ` · 剩余 ${left} 个名额` : ' · 名额已满'}
      </p>
      {event.mine || left > 0 ? (
        <ReaderAction
          endpoint={`/api/community-events/${event.id}/signup`}
          label="立即报名"
          doneLabel="✓ 已报名"
          done={event.mine}
          fields={[
            { name: 'name', label: '称呼（选填）' },
            { name: 'phone', label: '手机号（选填）', type: 'tel' },
          ]}
          testId="signup"
          outcome={note}
        />
      ) : (
        <>
          <span className="reader-action reader-action--done">名额已满</span>
          <ActionMessage note={note} />
        </>
      )}
    </li>
  )
}
