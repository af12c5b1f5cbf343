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
  | 'MAX_PER_ORDER'
  // Coupon at checkout (400, field "coupon"); INVALID_COUPON is the catch-all for a coupon with broken terms.
  | 'INVALID_COUPON'
  | 'COUPON_NOT_FOUND'
  | 'COUPON_USED'
  | 'COUPON_NOT_STARTED'
  | 'COUPON_EXPIRED'
  | 'COUPON_MIN_SPEND_NOT_MET'
  | 'COUPON_WRONG_BRAND'

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
