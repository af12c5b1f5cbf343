import { NextResponse, type NextRequest } from 'next/server'

/**
 * The admin is Chinese first: without an explicit choice (the `payload-lng` cookie, set when a user
 * picks English in their account), Payload would follow the browser's Accept-Language instead.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = headers.get('cookie')
  headers.set('cookie', cookie ? `${cookie}; payload-lng=zh` : 'payload-lng=zh')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
