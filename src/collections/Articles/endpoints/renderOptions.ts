import type { PayloadRequest } from 'payload'

import { AppError } from '../../../platform/errors'
import { publicOrigin } from '../../../platform/http/origin'
import { type RenderMode, themes } from '../../../wechat/render'

/** A render option (mode, theme) that does not exist: 400 INVALID_RENDER_OPTION naming the option. */
export class BadRenderOption extends AppError {
  override name = 'BadRenderOption'
  constructor(field: 'mode' | 'theme', message: string) {
    super('INVALID_RENDER_OPTION', 400, message, { field })
  }
}

/** Public origin for landing pages and images. */
export const publicBaseUrl = (req: PayloadRequest): string => publicOrigin(req)

export function parseRenderOptions(params: { mode?: unknown; theme?: unknown; darkMode?: unknown }) {
  const mode = (params.mode ?? 'paste') as RenderMode
  if (mode !== 'paste' && mode !== 'api') throw new BadRenderOption('mode', 'mode 只能是 paste 或 api (mode must be paste or api)')
  const theme = typeof params.theme === 'string' && params.theme ? params.theme : 'default'
  if (!themes.some((t) => t.name === theme)) {
    throw new BadRenderOption('theme', `未知主题 "${theme}"，可选：${themes.map((t) => t.name).join(', ')} (unknown theme)`)
  }
  const darkMode = params.darkMode === true || params.darkMode === 'true' || params.darkMode === '1'
  return { mode, theme, darkMode }
}
