import { AppError, type ErrorDetails } from '@/platform/errors'

/** Named commerce errors, answered by errorResponse (src/platform/errors.ts) with their HTTP status. */
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
  // The buyer's 去支付 on an order that is no longer waiting for payment (paid, cancelled, expired): 409.
  | 'ORDER_NOT_PAYABLE'
  | 'MAX_PER_ORDER'
  // Coupon at checkout (400, field "coupon"); INVALID_COUPON is the catch-all for a coupon with broken terms.
  | 'INVALID_COUPON'
  | 'COUPON_NOT_FOUND'
  | 'COUPON_USED'
  | 'COUPON_NOT_STARTED'
  | 'COUPON_EXPIRED'
  | 'COUPON_MIN_SPEND_NOT_MET'
  | 'COUPON_WRONG_BRAND'
  // Flash sale (src/commerce/flashSale.ts): 409 before saleStartsAt (error.startsAt), 400 without a buyer identity
  // for a product with limitPerBuyer (field "buyer.phone"), 409 over the limit (error.limit, error.remaining).
  | 'NOT_STARTED'
  | 'BUYER_REQUIRED'
  | 'LIMIT_REACHED'

export class CommerceError extends AppError {
  override name = 'CommerceError'
  constructor(
    override readonly code: CommerceErrorCode,
    status: number,
    message: string,
    field?: string,
    /** Machine-readable details added to the error body (e.g. NOT_STARTED's `startsAt`). */
    details?: ErrorDetails,
  ) {
    super(code, status, message, { field, details })
  }
}

export const invalid = (field: string, message: string) => new CommerceError('INVALID_BODY', 400, `${field}: ${message}`, field)
