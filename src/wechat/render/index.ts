export { renderWechatArticle } from './render'
export { themes } from './themes'
export { RenderImageError, RenderInputError, RenderLimitError, type RenderLimit } from './errors'
export { checkWechatHtml, type CheckOptions, type Violation } from './checks'
export { qrImageUrl, qrPngBuffer } from './qr'
export type {
  MediaLike,
  MiniProgramOption,
  ProductImageLike,
  ProductLike,
  QrCodeNeed,
  RenderInput,
  RenderMode,
  RenderResult,
  RenderStats,
} from './types'
