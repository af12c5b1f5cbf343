import type { Metadata, Viewport } from 'next'
import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: '推文 Tuiwen', template: '%s · 推文' },
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
}
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#ffffff' }

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <main className="page">{children}</main>
      </body>
    </html>
  )
}
