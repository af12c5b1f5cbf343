import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { brandIdsOf, hasRole } from '@/access/roles'
import { selectedBrandOf } from '@/access/selectedBrand'
import { articleHours, funnelReport } from '@/analytics/funnel'
import { funnelScope } from '@/analytics/scope'
import { isWindowError, parseWindow } from '@/analytics/window'
import type { User } from '@/payload-types'

import { FunnelDashboard } from './FunnelDashboard'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** /admin/funnel — 转化漏斗: per article, block, product and day, for the brands the user belongs to. */
export async function FunnelView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as (User & { collection?: string }) | null
  if (!user) redirect(`${req.payload.config.routes.admin}/login?redirect=${encodeURIComponent(`${req.payload.config.routes.admin}/funnel`)}`)
  const parsed = parseWindow({ get: (name) => one(searchParams?.[name]) ?? null })
  const window = isWindowError(parsed) ? { days: 7 } : parsed
  const article = one(searchParams?.article)
  const param = one(searchParams?.brand)
  const selected = selectedBrandOf(req.headers)
  const mayUse = (id: string | undefined) => (id && (hasRole(user, 'admin') || brandIdsOf(user).includes(id)) ? id : null)
  // An explicit choice on the dashboard wins; otherwise the brand chosen in the admin's 当前品牌 selector.
  const requested = param === 'all' ? null : param ? param : mayUse(selected)
  const scope = funnelScope(user, requested)
  const brands = await req.payload.find({
    collection: 'brands',
    where: hasRole(user, 'admin') ? {} : { id: { in: brandIdsOf(user) } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  const hours = article ? (scope ? await articleHours(req.payload, { scope, article }) : null) : undefined
  const report = scope && !article ? await funnelReport(req.payload, { scope, ...window }) : null
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <FunnelDashboard
          report={report}
          window={window}
          windowError={isWindowError(parsed) ? parsed.message : undefined}
          typedRange={isWindowError(parsed) ? { from: one(searchParams?.from) ?? '', to: one(searchParams?.to) ?? '' } : undefined}
          hours={hours}
          brand={requested}
          brands={(brands.docs as { id: string; name: string }[]).map((b) => ({ id: b.id, name: b.name }))}
          allowAll={hasRole(user, 'admin') || brandIdsOf(user).length > 1}
          adminRoute={req.payload.config.routes.admin}
          apiRoute={req.payload.config.routes.api}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
