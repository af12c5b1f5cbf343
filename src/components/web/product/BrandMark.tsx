import React from 'react'

import type { Media } from '@/payload-types'
import { mediaAt } from '@/utilities/mediaUrl'

/** The brand's logo, or its first character on the brand colour when it has none. */
export function BrandMark({ name, logo, size = 36 }: { name: string; logo: Media | null; size?: number }) {
  const image = mediaAt(logo, 'thumbnail')
  return image ? (
    <img className="brand-mark" src={image.url} width={size} height={size} alt="" />
  ) : (
    <span className="brand-mark brand-mark--letter" style={{ width: size, height: size }}>
      {[...name][0]}
    </span>
  )
}
