/** Media document as the Payload REST API returns it (only the fields the renderer reads). */
export interface MediaLike {
  id?: string | number
  url?: string | null
  width?: number | null
  height?: number | null
  alt?: string | null
  mimeType?: string | null
  filename?: string | null
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null } | undefined> | null
}

/** A product image entry: `{ image: media | id }`, a media object, or a media id. */
export type ProductImageLike = { image?: MediaLike | string | number | null } | MediaLike | string | number

/** Product document as the Payload REST API returns it. Money is integer fen. */
export interface ProductLike {
  id?: string | number
  title?: string
  slug?: string
  price?: number
  compareAtPrice?: number | null
  sellingPoints?: string | { text?: string | null }[] | null
  images?: ProductImageLike[] | null
  stock?: number | null
  status?: string | null
  variants?: { sku?: string | null; name?: string | null; price?: number | null; stock?: number | null; image?: ProductImageLike | null }[] | null
  /** Set on a card's view of the product as one of its SKUs (src/commerce/skuView.ts): the landing page opens on it. */
  sku?: string
  skuName?: string
}

export type RenderMode = 'paste' | 'api'

export interface MiniProgramOption {
  /** `wx` + 16 hex digits. */
  appId: string
  /** Placeholders {slug}, {id}, {from}, {b}, {sku} are URL-encoded. Default `pages/product/index?slug={slug}`. */
  pathTemplate?: string
}

export interface RenderInput {
  title?: string
  articleId?: string
  /** Lexical SerializedEditorState: `{ root: { type: 'root', children } }`. */
  content: unknown
  products: Record<string, ProductLike>
  media: Record<string, MediaLike>
  /** Public site origin, e.g. `https://shop.example.com`; needed for landing pages, QR images and relative media URLs. */
  baseUrl?: string
  mode?: RenderMode
  theme?: string
  /** `#rgb` / `#rrggbb` brand colour overriding the theme's primary colour. */
  primaryColor?: string
  /** Preview-only dark palette (WeChat applies its own dark-mode algorithm to published articles). */
  darkMode?: boolean
  miniProgram?: MiniProgramOption
  /** `api` mode: original image URL → mmbiz.qpic.cn URL. */
  imageUrlMap?: Record<string, string>
}

export interface QrCodeNeed {
  /** The `<img src>` used in paste mode (`${baseUrl}/qr?u=…`); key for `imageUrlMap`. */
  imageUrl: string
  /** What the QR code encodes; pass to `qrPngBuffer` to produce the PNG without an HTTP round-trip. */
  landingUrl: string
}

export interface RenderStats {
  /** `html.length`: WeChat counts the whole HTML string, tags included. */
  chars: number
  /** UTF-8 bytes of `html`. */
  bytes: number
  /** Number of `<img>` in `html`. */
  images: number
  /** Characters of visible text (for the editor's word count). */
  textChars: number
}

export interface RenderResult {
  html: string
  /** Chinese, for the editor. */
  warnings: string[]
  stats: RenderStats
  /** The first product's landing page, for `content_source_url` (阅读原文). */
  contentSourceUrl?: string
  /** Every image source the HTML needs before mapping (original URLs, QR images included), deduplicated, in order. */
  images: string[]
  qrCodes: QrCodeNeed[]
}
