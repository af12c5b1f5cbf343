import React from 'react'

import type { ShopFace } from '@/queries/published'

/**
 * 联系客服: an H5 page cannot open a chat with the Official Account, so it says where the brand answers (the
 * account's own chat) and links to the community, where the brand's group QR codes are.
 */
export function ServiceNotes({ face }: { face: ShopFace }) {
  if (!face.officialAccount && !face.communitySlug) return null
  return (
    <details className="service-notes" data-service>
      <summary>联系客服</summary>
      {face.officialAccount ? <p>在公众号「{face.officialAccount}」的对话框里发送消息，客服会尽快回复（工作日 9:00–21:00）。</p> : null}
      {face.communitySlug ? (
        <p>
          <a href={`/c/${encodeURIComponent(face.communitySlug)}`}>进入品牌社区，加入粉丝群</a>
        </p>
      ) : null}
    </details>
  )
}
