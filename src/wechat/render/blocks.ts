import { codeToWechat } from '../../blocks/Code/wechat'
import { productCardToWechat } from '../../blocks/ProductCard/wechat'
import { productGridToWechat } from '../../blocks/ProductGrid/wechat'
import type { WechatBlockConverter } from './context'

/** WeChat converters keyed by block slug (the same slug as the block's Payload config). */
export const blockConverters: Record<string, WechatBlockConverter> = {
  code: codeToWechat,
  productCard: productCardToWechat,
  productGrid: productGridToWechat,
}
