/** A refusal the reader should see (409 full / sold out / limit, 404 unknown), as `{ error: { code, message } }`. */
export class CommunityError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
  toResponse(headers?: HeadersInit): Response {
    return Response.json({ error: { code: this.code, message: this.message } }, { status: this.status, headers })
  }
}

export const notFound = (what: string) => new CommunityError(404, 'NOT_FOUND', `${what}不存在或未发布 (not found)`)
