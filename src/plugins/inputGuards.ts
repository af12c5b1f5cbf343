import {
  type AfterErrorHook,
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type FlattenedField,
  NotFound,
  type Plugin,
  ValidationError,
} from 'payload'

import { isDangerousLinkUrl } from '../utilities/safeUrl'
import { guardWhere } from './whereGuard'

/**
 * The deepest JSON a create or update may send. Lexical content nests legitimately: each nested list adds four
 * levels (an article with a list four deep is 21 levels, a table 13, the seed's deepest article 17), so 64 leaves
 * room for lists a dozen deep. Much deeper bodies only exhaust the call stack in Payload's recursive copies and
 * field traversals (a 500 at 10,000 levels).
 */
export const MAX_BODY_DEPTH = 64

export class BodyTooDeepError extends APIError {
  constructor(max = MAX_BODY_DEPTH) {
    super(`请求内容嵌套过深，最多 ${max} 层 (body nested too deeply: at most ${max} levels)`, 400, { maxDepth: max }, true)
    this.name = 'BodyTooDeepError'
  }
}

/** Whether `value` nests objects/arrays more than `max` levels deep (the value itself is level 1). Iterative: never overflows. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current) || current instanceof Date) continue
    if (depth > max) return true
    const children = Array.isArray(current) ? current : Object.values(current)
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

/** Runs before every collection operation, so nothing malformed reaches the field hooks or the database adapter. */
const guardOperation: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  const input = args as { data?: unknown; where?: unknown }
  // Payload routes /api/<slug>/versions for every collection; without versions there is no table behind it (a 500).
  if (!collection.versions && req.payloadAPI === 'REST' && req.pathname?.match(new RegExp(`/${collection.slug}/versions(/|$)`))) throw new NotFound(req.t)
  if (input.data !== undefined && nestsDeeperThan(input.data, MAX_BODY_DEPTH)) throw new BodyTooDeepError()
  if ('where' in input) await guardWhere(req, collection, input.where, { operation, overrideAccess })
}

type UnsafeLink = { path: string; url: string }

/** Links in a Lexical document whose URL names a scheme we never link to. Iterative over the node tree. */
function unsafeLinksInRichText(value: unknown, path: string, found: UnsafeLink[]) {
  const stack: unknown[] = [value && typeof value === 'object' ? (value as { root?: unknown }).root : undefined]
  while (stack.length) {
    const node = stack.pop() as { type?: unknown; fields?: { url?: unknown; linkType?: unknown }; children?: unknown } | undefined
    if (!node || typeof node !== 'object') continue
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal' && isDangerousLinkUrl(node.fields?.url)) {
      found.push({ path, url: String(node.fields?.url) })
    }
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
}

function unsafeLinksInData(fields: FlattenedField[], data: unknown, prefix: string, found: UnsafeLink[]) {
  if (!data || typeof data !== 'object') return
  const values = data as Record<string, unknown>
  for (const field of fields) {
    const value = values[field.name]
    if (value === undefined || value === null) continue
    const path = `${prefix}${field.name}`
    if (field.type === 'richText') unsafeLinksInRichText(value, path, found)
    else if (field.type === 'group' || field.type === 'tab') unsafeLinksInData(field.flattenedFields, value, `${path}.`, found)
    else if (field.type === 'array' && Array.isArray(value)) value.forEach((row, i) => unsafeLinksInData(field.flattenedFields, row, `${path}.${i}.`, found))
    else if (field.type === 'blocks' && Array.isArray(value)) {
      value.forEach((row, i) => {
        const block = field.blocks.find((b) => typeof b === 'object' && b.slug === (row as { blockType?: unknown })?.blockType)
        if (block && typeof block === 'object') unsafeLinksInData(block.flattenedFields, row, `${path}.${i}.`, found)
      })
    }
  }
}

/**
 * Saving rich text with a javascript:/vbscript:/data:… link fails with a field error on that rich-text field. The
 * pages never render such links anyway (safeLinkHref); this tells the editor at save time.
 */
const refuseUnsafeLinks: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const found: UnsafeLink[] = []
  unsafeLinksInData(collection.flattenedFields, data, '', found)
  if (!found.length) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: found.map(({ path, url }) => ({
        path,
        message: `链接「${url.length > 60 ? `${url.slice(0, 57)}…` : url}」不安全：只能链接 http(s)、mailto:、tel: 或本站页面 (unsafe link: only http(s), mailto:, tel: or our own pages)`,
      })),
      req,
    },
    req.t,
  )
}

const parsesAsJSON = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * REST accepts `where` (and `data`) as a JSON string too, which Payload parses with JSON.parse before any hook
 * runs: broken JSON there is the caller's mistake (400), not a server error. Only that exact case is mapped.
 */
const malformedJSONParams: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError)) return
  const query = (req?.query ?? {}) as Record<string, unknown>
  const broken = ['where', 'data'].find((key) => typeof query[key] === 'string' && (query[key] as string).length > 0 && !parsesAsJSON(query[key] as string))
  if (!broken) return
  return {
    status: 400,
    response: {
      errors: [
        {
          message: `查询参数 ${broken} 不是有效的 JSON，也不是 ${broken}[字段][运算符]=值 的形式 (the ${broken} parameter is neither valid JSON nor ${broken}[field][operator]=value)`,
        },
      ],
    },
  }
}

/**
 * Bad input answers 400 with a message, never 500: every collection validates `where` against its field types
 * (naming the field and the operator), refuses bodies nested deeper than MAX_BODY_DEPTH, and refuses rich text
 * whose links use a scheme other than http(s), mailto: or tel: (a field error).
 */
export const inputGuards: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardOperation, ...(collection.hooks?.beforeOperation ?? [])],
      beforeValidate: [refuseUnsafeLinks, ...(collection.hooks?.beforeValidate ?? [])],
    },
  })),
  hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), malformedJSONParams] },
  // The caller's mistake, like a ValidationError: one info line, not an error with a stack trace.
  loggingLevels: { WhereInputError: 'info', BodyTooDeepError: 'info', ...config.loggingLevels },
})
