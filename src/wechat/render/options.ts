import { RenderInputError } from './errors'
import { isRecord } from './lexical'
import type { MiniProgramOption, RenderInput, RenderMode } from './types'
import { normaliseBaseUrl } from './urls'

export interface CheckedOptions {
  mode: RenderMode
  baseUrl?: string
  articleId?: string
  title?: string
  miniProgram?: MiniProgramOption
  imageUrlMap: Record<string, string>
}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new RenderInputError(`${name} must be a string`)
  return value
}

/** Validates everything in RenderInput except `content` and the theme. */
export function checkOptions(input: RenderInput): CheckedOptions {
  if (!isRecord(input)) throw new RenderInputError('render input must be an object')
  for (const key of ['products', 'media'] as const) {
    if (input[key] !== undefined && !isRecord(input[key])) throw new RenderInputError(`${key} must be an object keyed by id`)
  }
  const mode = input.mode ?? 'paste'
  if (mode !== 'paste' && mode !== 'api') throw new RenderInputError(`mode must be "paste" or "api", got ${JSON.stringify(mode)}`)
  const rawBase = optionalString(input.baseUrl, 'baseUrl')
  const baseUrl = rawBase ? normaliseBaseUrl(rawBase) : undefined
  if (rawBase && !baseUrl) throw new RenderInputError('baseUrl must be an absolute http(s) URL without query or fragment')
  let miniProgram: MiniProgramOption | undefined
  if (input.miniProgram !== undefined && input.miniProgram !== null) {
    const { appId, pathTemplate } = input.miniProgram as Partial<MiniProgramOption>
    if (typeof appId !== 'string' || !/^wx[0-9a-f]{16}$/.test(appId)) throw new RenderInputError('miniProgram.appId must match wx + 16 hex digits')
    if (pathTemplate !== undefined && (typeof pathTemplate !== 'string' || !/^[\w/.?=&{}%-]{1,200}$/.test(pathTemplate))) {
      throw new RenderInputError('miniProgram.pathTemplate must be a page path like pages/product/index?slug={slug}')
    }
    miniProgram = { appId, pathTemplate }
  }
  const map = input.imageUrlMap ?? {}
  if (!isRecord(map)) throw new RenderInputError('imageUrlMap must be an object')
  return {
    mode,
    baseUrl,
    articleId: optionalString(input.articleId, 'articleId'),
    title: optionalString(input.title, 'title'),
    miniProgram,
    imageUrlMap: map as Record<string, string>,
  }
}
