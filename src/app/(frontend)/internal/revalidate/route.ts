// The loopback end of the page signals (src/platform/pageSignals): another instance changed these pages, so this
// instance drops its cached copies. Only callers holding the key derived from PAYLOAD_SECRET are heard.
import crypto from 'node:crypto'

import { revalidatePath } from 'next/cache'

import { PAGE_SIGNAL_HEADER, pageSignalKey, validPagePath } from '@/platform/pageSignals'

export const dynamic = 'force-dynamic'

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))
const answer = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } })

export async function POST(request: Request): Promise<Response> {
  if (!same(request.headers.get(PAGE_SIGNAL_HEADER) ?? '', pageSignalKey())) return answer(403, 'FORBIDDEN', 'not an instance of this site')
  const body = (await request.json().catch(() => null)) as { paths?: unknown } | null
  const paths = Array.isArray(body?.paths) ? body.paths : null
  if (!paths || paths.length > 200 || !paths.every(validPagePath)) return answer(400, 'INVALID_BODY', 'paths: a list of page paths such as /p/<slug>')
  for (const path of paths) revalidatePath(path)
  return Response.json({ revalidated: paths.length }, { headers: { 'cache-control': 'no-store' } })
}
