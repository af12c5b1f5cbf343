import Link from 'next/link'
import React from 'react'

/** Nav entry (afterNavLinks) for the funnel dashboard. */
export function FunnelNavLink() {
  return (
    <Link href="/admin/funnel" className="nav__link" id="nav-funnel" prefetch={false}>
      <span className="nav__link-label">数据 · 转化漏斗</span>
    </Link>
  )
}
