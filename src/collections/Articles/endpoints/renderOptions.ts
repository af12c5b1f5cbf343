import type { PayloadRequest } from 'payload'

import { publicOrigin } from '../../../platform/http/origin'
import { themes, type RenderMode } from '../../../wechat/render'

export class BadRenderOption extends Error {
  override name = 'BadRenderOption'
}

/** Public origin for landing pages and images. */
export const publicBaseUrl = (req: PayloadRequest): string => publicOrigin(req)

export function parseRenderOptions(params: { mode?: unknown; theme?: unknown; darkMode?: unknown }) {
  const mode = (params.mode ?? 'paste') as RenderMode
  if (mode !== 'paste' && mode !== 'api') throw new BadRenderOption('mode 只能是 paste 或 api (mode must be paste or api)')
  const theme = typeof params.theme === 'string' && params.theme ? params.theme : 'default'
  if (!themes.some((t) => t.name === theme)) {
    throw new BadRenderOption(`未知主题 "${theme}"，可选：${themes.map((t) => t.name).join(', ')} (unknown theme)`)
  }
  const darkMode = params.darkMode === true || params.darkMode === 'true' || params.darkMode === '1'
  return { mode, theme, darkMode }
}
