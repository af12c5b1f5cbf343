import Link from 'next/link'
import React from 'react'

export default function NotFound() {
  return (
    <>
      <h1>页面不存在</h1>
      <p className="meta">内容可能已下架或尚未发布。</p>
      <Link href="/">返回首页</Link>
    </>
  )
}
