import React from 'react'

import type { GroupQrChoice } from '@/communities/groupQr'
import type { Community } from '@/payload-types'
import { mediaAt } from '@/utilities/mediaUrl'

type GroupQr = NonNullable<Community['groupQrs']>[number]

/** The group to join: the current group QR, or the admin's contact QR when no group QR works. */
export function GroupQrCard({ choice, contact }: { choice: GroupQrChoice<GroupQr>; contact: Community['adminContactQr'] }) {
  if (choice.kind === 'none') return <p className="community-card__meta">群二维码更新中，请稍后再来。</p>
  const image = mediaAt(choice.kind === 'group' ? choice.qr.image : contact, 'card')
  if (!image) return null
  return (
    <figure className="group-qr" data-testid="group-qr" data-kind={choice.kind}>
      <img src={image.url} width={image.width} height={image.height} alt={choice.kind === 'group' ? '微信群二维码' : '管理员微信二维码'} />
      <figcaption>
        {choice.kind === 'group' ? <>长按识别二维码，加入「{choice.qr.label || '粉丝群'}」</> : <>群已满或二维码已过期，长按识别添加管理员微信，拉你进群</>}
      </figcaption>
    </figure>
  )
}
