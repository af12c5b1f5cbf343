'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { CommunityStats } from '@/communities/stats'

const ROWS: [keyof CommunityStats, string][] = [
  ['members', '成员'],
  ['newMembers7d', '近 7 天新成员'],
  ['signups', '活动报名'],
  ['couponsClaimed', '优惠券已领'],
  ['couponsUsed', '优惠券已用'],
  ['follows30d', '近 30 天扫码新关注'],
]

/** The community's numbers in its sidebar, for the brand team. */
export const CommunityNumbers: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [stats, setStats] = useState<CommunityStats | null>(null)
  useEffect(() => {
    if (!id) return
    fetch(`${config.serverURL}${config.routes.api}/communities/${id}/stats`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then(setStats)
      .catch(() => setStats(null))
  }, [id, config.serverURL, config.routes.api])
  if (!id || !stats) return null
  return (
    <div className="field-type" data-testid="community-numbers" style={{ marginBottom: 24 }}>
      <strong>社区数据</strong>
      <dl style={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: '4px 12px', margin: '8px 0 0' }}>
        {ROWS.map(([key, label]) => (
          <React.Fragment key={key}>
            <dt style={{ color: 'var(--theme-elevation-600)' }}>{label}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }} data-stat={key}>
              {stats[key]}
            </dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  )
}
