import React from 'react'

import { SHIP_WITHIN } from '@/collections/Brands/fields/shopPolicy'
import type { PublicBrand } from '@/queries/published'

/** The brand's promises (店铺服务, brand settings): 发货时效, 7 天无理由退货 or not, 包邮 (checkout charges no 运费). */
export function ShopPromises({ policy }: { policy: PublicBrand['shopPolicy'] }) {
  const ship = SHIP_WITHIN.find((o) => o.value === (policy?.shipWithin ?? '48h'))?.label.zh
  const returns = policy?.sevenDayReturns === false ? '不支持 7 天无理由退货' : '7 天无理由退货'
  return (
    <section className="shop-promises" data-promises>
      <ul>
        <li>包邮</li>
        {ship ? <li>{ship}</li> : null}
        <li className={policy?.sevenDayReturns === false ? 'is-off' : undefined}>{returns}</li>
      </ul>
      {policy?.returnsNote ? <p>{policy.returnsNote}</p> : null}
    </section>
  )
}
