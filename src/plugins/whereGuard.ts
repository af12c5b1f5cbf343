// Checks a `where` against the collection's field types before it reaches the database adapter, so a
// malformed operator or value answers 400 naming the field and the operator instead of failing inside the
// adapter (Drizzle/SQLite answers such queries with a 500: an invalid date bound as `undefined`, an object
// bound as a parameter, `near` on a text column, an operator the adapter does not implement, …).
//
// Paths are resolved with Payload's own `getLocalizedPaths`; a path Payload cannot resolve is left alone,
// because Payload's `validateQueryPaths` already answers it with a 400 QueryError.
import {
  type Access,
  APIError,
  buildVersionCollectionFields,
  executeAccess,
  type FlattenedField,
  Forbidden,
  getLocalizedPaths,
  type PayloadRequest,
  QueryError,
  type SanitizedCollectionConfig,
  validateQueryPaths,
  type Where,
} from 'payload'
import { validOperatorSet } from 'payload/shared'

/** Limits for callers from outside (REST, GraphQL); server code using the Local API is trusted with its sizes. */
export const WHERE_LIMITS = {
  /** and/or nesting levels. */
  depth: 10,
  /** operator conditions in one where. */
  conditions: 500,
  /** values in one in/not_in list. */
  listItems: 1000,
  /** values in all lists of one where together (SQLite binds each one as a parameter). */
  totalListItems: 5000,
} as const

export class WhereInputError extends APIError {
  constructor(message: string, data: { field?: string; operator?: string }) {
    super(message, 400, data, true)
    // Explicit: a minified build renames classes, and loggingLevels matches on the name.
    this.name = 'WhereInputError'
  }
}

type Kind = 'text' | 'number' | 'date' | 'checkbox' | 'relationship' | 'point' | 'json' | 'jsonPath' | 'richText' | 'richTextPath' | 'container' | 'unknown'

type Target = { kind: Kind; field?: FlattenedField; hasMany: boolean; polymorphic: boolean; relatedSlug?: string }

type State = { external: boolean; conditions: number; listItems: number; sqlite: boolean; versionPaths: boolean }

const RANGE_OPERATORS = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

const KIND_LABEL: Record<Kind, string> = {
  text: '文字 (text)',
  number: '数字 (number)',
  date: '日期 (date)',
  checkbox: '勾选 (checkbox)',
  relationship: '关联 (relationship)',
  point: '坐标 (point)',
  json: 'JSON',
  jsonPath: 'JSON',
  richText: '富文本 (rich text)',
  richTextPath: '富文本 (rich text)',
  container: '分组/数组 (group/array)',
  unknown: '未知 (unknown)',
}

/** Which operators each kind of field accepts (a subset both database adapters execute correctly). */
const ALLOWED: Record<Kind, Set<string>> = {
  text: new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'like', 'not_like', 'contains', ...RANGE_OPERATORS]),
  // like: the admin's list search uses it on the useAsTitle field, which may be a number; Payload runs it as equals.
  number: new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'like', 'contains', ...RANGE_OPERATORS]),
  date: new Set(['equals', 'not_equals', 'in', 'not_in', 'exists', ...RANGE_OPERATORS]),
  checkbox: new Set(['equals', 'not_equals', 'exists']),
  relationship: new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'like', 'contains']),
  point: new Set(['equals', 'not_equals', 'exists', 'near', 'within', 'intersects']),
  json: new Set(['exists', 'equals', 'not_equals']),
  jsonPath: new Set(['equals', 'not_equals', 'in', 'not_in', 'exists', 'like', 'not_like', 'contains']),
  richText: new Set(['exists', 'equals', 'not_equals']),
  // Only on MongoDB: on SQLite every query inside rich text fails (refused in checkCondition).
  richTextPath: new Set(['equals', 'in', 'exists', 'like', 'not_like', 'contains']),
  container: new Set(['exists']),
  unknown: new Set([...validOperatorSet]),
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const shown = (value: unknown): string => {
  let text: string
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : Array.isArray(value)
          ? `一个列表 (a list of ${value.length})`
          : isPlainObject(value)
            ? '一个对象 (an object)'
            : String(value)
  } catch {
    text = typeof value
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

function fail(field: string, operator: string | undefined, problem: string, value?: unknown): never {
  const what = operator ? `${field} 的 ${operator}` : field
  const got = arguments.length > 3 ? `，收到 (got) ${shown(value)}` : ''
  throw new WhereInputError(`查询条件无效 (invalid where): ${what} ${problem}${got}`, { field, ...(operator ? { operator } : {}) })
}

const collectionOf = (req: PayloadRequest, slug: string): SanitizedCollectionConfig | undefined =>
  (req.payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[slug]?.config

const MAX_DATE_MS = 8.64e15

function isDateValue(value: unknown): boolean {
  if (value === null || value === '' || value === 'null') return true
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS
  if (typeof value === 'string') return value.length <= 64 && !Number.isNaN(new Date(value).getTime())
  return false
}

function isNumberValue(value: unknown): boolean {
  if (value === null || value === '' || value === 'null') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value === 'string') return value.length <= 64 && Number.isFinite(Number(value))
  return false
}

const isBooleanValue = (value: unknown) => value === null || typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|null)$/i.test(value))

/** Strings, numbers, booleans, null, and class instances such as Date or a MongoDB ObjectId (never from a request). */
const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'object' && !Array.isArray(value) && !isPlainObject(value))

function checkScalar(target: Target, field: string, operator: string, value: unknown) {
  if (typeof value === 'number' && !Number.isFinite(value)) fail(field, operator, '需要有限的数字 (expects a finite number)', value)
  switch (target.kind) {
    case 'date':
      if (!isDateValue(value)) fail(field, operator, '需要日期 (expects a date, e.g. 2026-01-31 or an ISO timestamp)', value)
      return
    case 'number':
      if (!isNumberValue(value)) fail(field, operator, '需要数字 (expects a number)', value)
      return
    case 'checkbox':
      if (!isBooleanValue(value)) fail(field, operator, '需要 true 或 false (expects true or false)', value)
      return
    case 'jsonPath':
    case 'richTextPath':
      if (!(value === null || ['string', 'number', 'boolean'].includes(typeof value)))
        fail(field, operator, '需要文字、数字或 true/false (expects a string, number or boolean)', value)
      return
    default:
      if (!isScalar(value)) fail(field, operator, '需要单个值 (expects a single value, not a list or an object)', value)
  }
}

function listOf(value: unknown, field: string, operator: string): unknown[] {
  if (Array.isArray(value)) return value
  // Payload splits a comma-separated string; a single number is one value.
  if (typeof value === 'string') return value.split(',')
  if (typeof value === 'number') return [value]
  return fail(field, operator, '需要一个值列表 (expects a list of values, e.g. a,b,c)', value)
}

function checkGeo(field: string, operator: string, value: unknown) {
  if (operator === 'near') {
    const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined
    const ok =
      parts &&
      parts.length >= 2 &&
      parts.length <= 4 &&
      parts.every((p) => (typeof p === 'number' || typeof p === 'string') && String(p).trim() !== '' && Number.isFinite(Number(p)))
    if (!ok) fail(field, operator, '需要 “经度,纬度[,最大距离[,最小距离]]” (expects "lng,lat[,maxDistance[,minDistance]]")', value)
    return
  }
  const ok = isPlainObject(value) && typeof value.type === 'string' && Array.isArray(value.coordinates)
  if (!ok) fail(field, operator, '需要 GeoJSON 几何对象 (expects a GeoJSON geometry { type, coordinates })', value)
}

function targetOf(field: FlattenedField | undefined, hasPath: boolean): Target {
  const base = { field, hasMany: Boolean(field && 'hasMany' in field && field.hasMany), polymorphic: false }
  if (!field) return { ...base, kind: 'unknown' }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
    case 'email':
    case 'select':
    case 'radio':
      return { ...base, kind: 'text' }
    case 'number':
      return { ...base, kind: 'number' }
    case 'date':
      return { ...base, kind: 'date' }
    case 'checkbox':
      return { ...base, kind: 'checkbox' }
    case 'point':
      return { ...base, kind: 'point' }
    case 'json':
      return { ...base, kind: hasPath ? 'jsonPath' : 'json' }
    case 'richText':
      return { ...base, kind: hasPath ? 'richTextPath' : 'richText' }
    case 'relationship':
    case 'upload':
      return {
        ...base,
        kind: 'relationship',
        polymorphic: Array.isArray(field.relationTo),
        relatedSlug: typeof field.relationTo === 'string' ? field.relationTo : undefined,
      }
    case 'join':
      return { ...base, kind: 'relationship', hasMany: true, relatedSlug: typeof field.collection === 'string' ? field.collection : undefined }
    case 'array':
    case 'group':
    case 'blocks':
    case 'tab':
      return { ...base, kind: 'container' }
    default:
      return { ...base, kind: 'unknown' }
  }
}

const versionFieldsCache = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

function versionFields(req: PayloadRequest, collection: SanitizedCollectionConfig): FlattenedField[] | undefined {
  if (!collection.versions) return undefined
  let fields = versionFieldsCache.get(collection)
  if (!fields) {
    fields = buildVersionCollectionFields(req.payload.config, collection, true)
    versionFieldsCache.set(collection, fields)
  }
  return fields
}

function resolveIn(req: PayloadRequest, collection: SanitizedCollectionConfig, fields: FlattenedField[], path: string): Target | undefined {
  if (path === 'id') return { kind: req.payload.db.defaultIDType === 'number' ? 'number' : 'text', hasMany: false, polymorphic: false }
  let paths: ReturnType<typeof getLocalizedPaths>
  try {
    paths = getLocalizedPaths({
      collectionSlug: collection.slug,
      fields,
      incomingPath: path,
      locale: req.locale ?? undefined,
      // Hidden fields resolve as invalid, so Payload answers them as it always does ("cannot be queried").
      overrideAccess: false,
      payload: req.payload,
      showHiddenFields: false,
    })
  } catch {
    return undefined
  }
  if (!paths.length || paths.some((p) => p.invalid || !p.field)) return undefined
  let last = paths[paths.length - 1]
  if (last.path === 'id' && paths.length > 1) {
    const previous = paths[paths.length - 2].field
    if ((previous.type === 'relationship' || previous.type === 'upload') && typeof previous.relationTo === 'string') last = paths[paths.length - 2]
  }
  const field = last.field as FlattenedField
  const name = 'name' in field ? field.name : ''
  const hasPath = (field.type === 'json' || field.type === 'richText') && !(path === name || path.endsWith(`.${name}`))
  return targetOf(field, hasPath)
}

function resolve(req: PayloadRequest, collection: SanitizedCollectionConfig, fields: FlattenedField[], rawPath: string, state: State): Target | undefined {
  const path = rawPath === '_id' ? 'id' : rawPath.replace(/__/g, '.')
  const direct = resolveIn(req, collection, fields, path)
  if (direct) return direct
  // findVersions / countVersions query the version documents (version.title, parent, latest, …).
  const ofVersions = fields === collection.flattenedFields ? versionFields(req, collection) : undefined
  const ofVersion = ofVersions && resolveIn(req, collection, ofVersions, path)
  if (ofVersion) state.versionPaths = true
  return ofVersion
}

function checkCondition(req: PayloadRequest, state: State, target: Target, field: string, operator: string, value: unknown, depth: number) {
  if (!validOperatorSet.has(operator as never))
    fail(field, operator, `不是可用的运算符 (is not a known operator; use one of ${[...validOperatorSet].join(', ')})`)
  // A path Payload cannot resolve is answered by its own validateQueryPaths (400 QueryError).
  if (target.kind === 'unknown') return
  // Payload 3.90's SQLite JSON query for rich-text paths refers to a column that does not exist: every such query fails.
  if (target.kind === 'richTextPath' && state.sqlite)
    fail(field, operator, ': 当前数据库不支持按富文本内部路径查询 (this database cannot query paths inside rich text)')
  if (!ALLOWED[target.kind].has(operator))
    fail(field, operator, `不能用于${KIND_LABEL[target.kind]}字段 (is not supported on a ${target.field?.type ?? target.kind} field)`)
  if (value === undefined) return

  if (operator === 'exists') {
    if (!(typeof value === 'boolean' || value === 'true' || value === 'false')) fail(field, operator, '需要 true 或 false (expects true or false)', value)
    return
  }
  if (GEO_OPERATORS.has(operator)) return checkGeo(field, operator, value)

  if (LIST_OPERATORS.has(operator)) {
    if (operator === 'all' && state.sqlite) fail(field, operator, '当前数据库不支持 (is not supported by this database)')
    const items = listOf(value, field, operator)
    if (state.external) {
      if (items.length > WHERE_LIMITS.listItems)
        fail(field, operator, `的列表最多 ${WHERE_LIMITS.listItems} 个值 (takes at most ${WHERE_LIMITS.listItems} values), 收到 (got) ${items.length}`)
      state.listItems += items.length
      if (state.listItems > WHERE_LIMITS.totalListItems)
        fail(
          field,
          operator,
          `: 查询中的列表合计最多 ${WHERE_LIMITS.totalListItems} 个值 (all lists of one query take at most ${WHERE_LIMITS.totalListItems} values together)`,
        )
    }
    for (const item of items) {
      if (Array.isArray(item) || isPlainObject(item)) fail(field, operator, '的列表只能包含单个值 (list items must be single values)', item)
      checkScalar(target, field, operator, item)
    }
    return
  }

  if (operator === 'contains' && target.kind === 'relationship' && isPlainObject(value)) {
    // has-many relationship / join filtered by the related document: a nested where on the related collection.
    const related = target.relatedSlug ? collectionOf(req, target.relatedSlug) : undefined
    if (!related || !target.hasMany) fail(field, operator, '只有多值关联字段可以用嵌套条件 (takes a nested where only on a has-many relationship)', value)
    checkWhere(req, related, related.flattenedFields, value, state, depth + 1, `${field}.`)
    return
  }

  if (operator === 'like' || operator === 'not_like') {
    if (typeof value !== 'string' && !(target.kind === 'number' && typeof value === 'number')) fail(field, operator, '需要文字 (expects a string)', value)
    return
  }

  const multi = target.kind === 'relationship' || target.hasMany
  if (Array.isArray(value)) {
    if (!multi || !['equals', 'not_equals', 'contains'].includes(operator)) fail(field, operator, '需要单个值 (expects a single value, not a list)', value)
    if (state.external && value.length > WHERE_LIMITS.listItems)
      fail(field, operator, `的列表最多 ${WHERE_LIMITS.listItems} 个值 (takes at most ${WHERE_LIMITS.listItems} values)`)
    for (const item of value) {
      if (Array.isArray(item) || isPlainObject(item)) fail(field, operator, '的列表只能包含单个值 (list items must be single values)', item)
      checkScalar(target, field, operator, item)
    }
    return
  }
  if (isPlainObject(value)) {
    // Polymorphic relationships may be matched as { relationTo, value }.
    const polymorphicValue =
      target.polymorphic && operator === 'equals' && typeof value.relationTo === 'string' && isScalar(value.value) && Object.keys(value).length === 2
    if (!polymorphicValue) fail(field, operator, '需要单个值，不能是对象 (expects a single value, not an object)', value)
    if (!collectionOf(req, value.relationTo as string))
      fail(field, operator, `的 relationTo 不是已知的集合 (relationTo is not a known collection)`, value.relationTo)
    return
  }
  if (RANGE_OPERATORS.has(operator) && target.kind === 'text' && typeof value === 'boolean')
    fail(field, operator, '需要文字或数字 (expects a string or a number)', value)
  checkScalar(target, field, operator, value)
}

/**
 * Throws a 400 `WhereInputError` naming the field and the operator when `where` cannot be executed as asked.
 * `prefix` names the relationship a nested `contains` where belongs to.
 */
export function checkWhere(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  fields: FlattenedField[],
  where: unknown,
  state: State,
  depth = 0,
  prefix = '',
): void {
  if (!isPlainObject(where))
    fail(prefix ? prefix.replace(/\.$/, '') : 'where', undefined, '需要一个条件对象 (must be an object of conditions, e.g. where[field][equals]=value)', where)
  if (state.external && depth > WHERE_LIMITS.depth)
    fail(
      prefix ? prefix.replace(/\.$/, '') : 'where',
      undefined,
      `嵌套过深：and/or 最多 ${WHERE_LIMITS.depth} 层 (and/or nest at most ${WHERE_LIMITS.depth} levels deep)`,
    )
  for (const [key, condition] of Object.entries(where)) {
    const lower = key.toLowerCase()
    if (lower === 'and' || lower === 'or') {
      if (!Array.isArray(condition))
        fail(`${prefix}${key}`, undefined, '需要一个条件列表 (must be a list of conditions, e.g. where[or][0][field][equals]=value)', condition)
      for (const nested of condition) checkWhere(req, collection, fields, nested, state, depth + 1, prefix)
      continue
    }
    const field = `${prefix}${key}`
    if (key === '_id' && state.sqlite) fail(field, undefined, '不存在，请使用 id (does not exist on this database, use id)')
    if (!isPlainObject(condition)) fail(field, undefined, '需要 “运算符: 值” (expects { operator: value }, e.g. where[field][equals]=value)', condition)
    const target = resolve(req, collection, fields, key, state) ?? { kind: 'unknown' as const, hasMany: false, polymorphic: false }
    for (const [operator, value] of Object.entries(condition)) {
      state.conditions += 1
      if (state.external && state.conditions > WHERE_LIMITS.conditions)
        fail(field, operator, `: 一次查询最多 ${WHERE_LIMITS.conditions} 个条件 (a query takes at most ${WHERE_LIMITS.conditions} conditions)`)
      checkCondition(req, state, target, field, operator, value, depth)
    }
  }
}

/**
 * The same paths and operators with neutral values: what Payload's validateQueryPaths needs to say whether the caller
 * may query these paths at all, without it judging the values (that is our message's job).
 */
function pathsOnly(req: PayloadRequest, collection: SanitizedCollectionConfig, fields: FlattenedField[], where: unknown, state: State): Where {
  const out: Where = {}
  if (!isPlainObject(where)) return out
  for (const [key, condition] of Object.entries(where)) {
    const lower = key.toLowerCase()
    if (lower === 'and' || lower === 'or') {
      if (Array.isArray(condition)) out[key] = condition.map((nested) => pathsOnly(req, collection, fields, nested, state))
      continue
    }
    const operators: Record<string, unknown> = {}
    if (isPlainObject(condition)) {
      for (const [operator, value] of Object.entries(condition)) {
        if (!validOperatorSet.has(operator as never)) continue
        operators[operator] = null
        if (operator !== 'contains' || !isPlainObject(value)) continue
        // A nested where of a has-many relationship is checked against the related collection's paths as well.
        const target = resolve(req, collection, fields, key, state)
        const related = target?.kind === 'relationship' && target.hasMany && target.relatedSlug ? collectionOf(req, target.relatedSlug) : undefined
        if (related) operators[operator] = pathsOnly(req, related, related.flattenedFields, value, state)
      }
    }
    out[key] = Object.keys(operators).length ? operators : { exists: true }
  }
  return out
}

const ACCESS_OF_OPERATION: Record<string, keyof SanitizedCollectionConfig['access']> = {
  update: 'update',
  delete: 'delete',
  countVersions: 'readVersions',
  restoreVersion: 'readVersions',
}

/**
 * Validates the `where` of a collection operation (see checkWhere). A malformed where from someone who may not
 * run the operation at all is answered as Payload would answer it (403, or its QueryError for a path the caller
 * may not query), so the field types of a collection never show through to a caller without access.
 */
export async function guardWhere(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  where: unknown,
  { operation, overrideAccess }: { operation: string; overrideAccess?: boolean },
): Promise<void> {
  if (where === undefined || where === null) return
  const state: State = {
    external: req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL',
    conditions: 0,
    listItems: 0,
    sqlite: req.payload.db.name !== 'mongoose',
    versionPaths: false,
  }
  try {
    checkWhere(req, collection, collection.flattenedFields, where, state)
  } catch (error) {
    if (!(error instanceof WhereInputError) || overrideAccess) throw error
    // findVersions reaches beforeOperation as 'read'; over REST its route tells it apart.
    const versionsRoute = req.payloadAPI === 'REST' && new RegExp(`/${collection.slug}/versions(/|$)`).test(req.pathname ?? '')
    const access = collection.access[ACCESS_OF_OPERATION[operation] ?? (versionsRoute ? 'readVersions' : 'read')] as Access | undefined
    if (access && (await executeAccess({ req, disableErrors: true }, access)) === false) throw new Forbidden(req.t)
    try {
      await validateQueryPaths({
        collectionConfig: collection,
        overrideAccess: false,
        req,
        where: pathsOnly(req, collection, collection.flattenedFields, where, state),
        ...(state.versionPaths ? { versionFields: versionFields(req, collection) } : {}),
      })
    } catch (payloadError) {
      if (payloadError instanceof QueryError) throw payloadError
    }
    throw error
  }
}
