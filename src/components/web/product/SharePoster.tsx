import React from 'react'

import './sharePoster.css'

/**
 * 生成分享海报: the product's poster (GET /p/<slug>/poster, src/commerce/sharePoster.ts) to long-press, save and
 * post to 朋友圈. A <details>, so it opens without JavaScript. With JavaScript the image is fetched when it is opened
 * (loading="lazy"); without, browsers turn lazy loading off and fetch it with the page.
 */
export function SharePoster({ slug, sku }: { slug: string; sku?: string }) {
  const src = `/p/${encodeURIComponent(slug)}/poster${sku ? `?sku=${encodeURIComponent(sku)}` : ''}`
  return (
    <details className="share-poster" data-share-poster>
      <summary>生成分享海报</summary>
      <p className="share-poster-hint">长按图片保存，分享到朋友圈</p>
      <img src={src} width={750} height={1334} alt="商品分享海报" loading="lazy" decoding="async" />
      <p className="share-poster-open">
        <a href={src} target="_blank" rel="noopener">
          打开海报大图
        </a>
      </p>
    </details>
  )
}
