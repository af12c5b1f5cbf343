// Which Official Account recognises a reader: the brand's account (a service account first), chosen by an
// explicit brand id or from the page path (/p/<slug>, /a/<slug>, /c/<slug>) the reader is on.
import type { Payload } from 'payload'

import { idOf } from '../../access/roles'
import type { WechatAccount } from '../../payload-types'
import { type AccountWithSecrets, loadAccount } from '../account'

const SLUG_RE = /^[a-z0-9-]{1,120}$/i
const PAGE_COLLECTION = { a: 'articles', p: 'products', c: 'communities' } as const

/** The brand a site path belongs to, or undefined. */
export async function brandOfPath(payload: Payload, path: string): Promise<string | undefined> {
  const match = /^\/([apc])\/([^/?#]+)/.exec(path)
  if (!match) return undefined
  let slug: string
  try {
    slug = decodeURIComponent(match[2])
  } catch {
    return undefined
  }
  if (!SLUG_RE.test(slug)) return undefined
  const collection = PAGE_COLLECTION[match[1] as 'a' | 'p' | 'c']
  const found = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { brand: true } as never,
  })
  return idOf((found.docs[0] as { brand?: unknown } | undefined)?.brand)
}

export async function accountOfBrand(payload: Payload, brand: string): Promise<AccountWithSecrets | undefined> {
  const found = await payload.find({
    collection: 'wechat-accounts',
    where: { brand: { equals: brand } },
    limit: 20,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  const accounts = found.docs as WechatAccount[]
  const pick = accounts.find((a) => a.accountType === 'service' && a.hasAppSecret) ?? accounts.find((a) => a.hasAppSecret)
  return pick ? loadAccount(payload, pick.id) : undefined
}

export async function accountFor(payload: Payload, input: { brand?: string | null; path?: string | null }): Promise<AccountWithSecrets | undefined> {
  const brand = input.brand && /^[A-Za-z0-9_-]{1,64}$/.test(input.brand) ? input.brand : input.path ? await brandOfPath(payload, input.path) : undefined
  return brand ? accountOfBrand(payload, brand) : undefined
}

/** The first article a reader arrived through: `from=<article id>` on the page, or the /a/<slug> page itself. */
export async function articleOfPath(payload: Payload, path: string): Promise<string | undefined> {
  const url = new URL(path, 'http://x')
  const from = url.searchParams.get('from')
  if (from && /^[A-Za-z0-9_-]{1,64}$/.test(from)) {
    const doc = await payload.findByID({
      collection: 'articles',
      id: from,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { title: true } as never,
    })
    if (doc) return from
  }
  const match = /^\/a\/([^/]+)/.exec(url.pathname)
  if (!match) return undefined
  const found = await payload.find({
    collection: 'articles',
    where: { slug: { equals: decodeURIComponent(match[1]) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { title: true } as never,
  })
  return (found.docs[0] as { id?: string } | undefined)?.id
}
