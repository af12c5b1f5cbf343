/** Malformed input or options: the caller must fix the data, retrying will not help. */
export class RenderInputError extends Error {
  override name = 'RenderInputError'
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(path ? `${message} (at ${path})` : message)
  }
}

/** `api` mode: images without an mmbiz.qpic.cn URL. Upload `missing` first, then render again with `imageUrlMap`. */
export class RenderImageError extends RenderInputError {
  override name = 'RenderImageError'
  constructor(readonly missing: string[]) {
    super(`${missing.length} image(s) have no mmbiz.qpic.cn URL in imageUrlMap: ${missing.slice(0, 3).join(', ')}`)
  }
}

export type RenderLimit = 'chars' | 'bytes' | 'title' | 'contentSourceUrl'

/** `api` mode: the result would break a `draft/add` limit. */
export class RenderLimitError extends Error {
  override name = 'RenderLimitError'
  constructor(
    readonly limit: RenderLimit,
    readonly actual: number,
    readonly max: number,
  ) {
    super(`draft/add limit exceeded: ${limit} is ${actual}, must be ${limit === 'title' ? '≤' : '<'} ${max}`)
  }
}
