import type { LoadedArticle } from '../../wechat/articleRenderInput'
import { renderWechatArticle } from '../../wechat/render'

/** Every image the articles need (each once, in order), each article's own list, and the QR codes among them. */
export type ArticleImages = { needed: string[]; perArticle: string[][]; qrCodes: Map<string, string> }

/** Renders each article in paste mode to learn which images it needs. */
export async function articleImages(loaded: LoadedArticle[]): Promise<ArticleImages> {
  const qrCodes = new Map<string, string>()
  const needed: string[] = []
  const perArticle: string[][] = []
  for (const item of loaded) {
    const paste = await renderWechatArticle({ ...item.input, mode: 'paste' })
    for (const qr of paste.qrCodes) qrCodes.set(qr.imageUrl, qr.landingUrl)
    perArticle.push(paste.images)
    for (const url of paste.images) if (!needed.includes(url)) needed.push(url)
  }
  return { needed, perArticle, qrCodes }
}
