import type { Metadata, Viewport } from 'next'
import React from 'react'

import './styles.css'

export const metadata: Metadata = { title: { default: '推文 Tuiwen', template: '%s · 推文' } }
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
