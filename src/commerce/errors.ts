/** Named commerce errors carried to the API as `{ error: { code, message, field? } }` with an HTTP status. */
export type CommerceErrorCode =
  | 'INVALID_BODY'
  | 'UNKNOWN_PRODUCT'
  | 'UNKNOWN_VARIANT'
  | 'VARIANT_REQUIRED'
  | 'OUT_OF_STOCK'
  | 'MIXED_BRANDS'
  | 'PAYMENT_UNAVAILABLE'
  | 'ILLEGAL_TRANSITION'
  | 'NOT_FOUND'

export class CommerceError extends Error {
  override name = 'CommerceError'
  constructor(
    readonly code: CommerceErrorCode,
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }

  toResponse(): Response {
    const error: Record<string, string> = { code: this.code, message: this.message }
    if (this.field) error.field = this.field
    return Response.json({ error }, { status: this.status })
  }
}

export const invalid = (field: string, message: string) => new CommerceError('INVALID_BODY', 400, `${field}: ${message}`, field)
