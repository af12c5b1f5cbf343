// The one application error and the one JSON shape every custom endpoint answers errors in:
//   { "error": { "code": "OUT_OF_STOCK", "message": "…", "field"?: "items[0].quantity", …details } }
// Payload's own collection REST errors ({ errors: [...] }) are Payload's contract and are not this.
import type { PayloadRequest } from 'payload'

/** Machine-readable extras of an error body (e.g. NOT_STARTED's `startsAt`); never override code/message/field. */
export type ErrorDetails = Record<string, string | number>

/** What a client reads from an error answer. */
export type ErrorBody = { error: { code: string; message: string; field?: string } & Partial<ErrorDetails> }

export type AppErrorOptions = {
  /** The request field the message is about (`coupon`, `items[0].quantity`, `article`). */
  field?: string
  details?: ErrorDetails
  /** Headers of the answer (Retry-After of a refusal that passes). */
  headers?: Record<string, string>
}

/** A refusal with a stable UPPER_SNAKE code, an HTTP status and a message for people (Chinese first). */
export class AppError extends Error {
  override name = 'AppError'
  readonly field?: string
  readonly details?: ErrorDetails
  readonly headers: Record<string, string>

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message)
    this.field = options.field
    this.details = options.details
    this.headers = options.headers ?? {}
  }
}

const INTERNAL_MESSAGE = '操作失败，请重试 (internal error)'

type Logger = { error: (entry: object) => void }

export type ErrorResponseOptions = {
  /** Where anything but an AppError is logged (the request's payload.logger); console.error without one. */
  logger?: Logger
  /** The log line of an unexpected error. */
  logAs?: string
  /** The message of a 500: the thrown error's own message stays in the log, never in the answer. */
  internalMessage?: string
  /** Headers of every error answer (no-store, a Set-Cookie); an AppError's own headers win. */
  headers?: Record<string, string>
}

/** Any thrown value → its HTTP answer: an AppError's status, body and headers; anything else a logged 500 INTERNAL. */
export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  if (error instanceof AppError) {
    const body: ErrorBody['error'] = { ...error.details, code: error.code, message: error.message }
    if (error.field) body.field = error.field
    return Response.json({ error: body }, { status: error.status, headers: { ...options.headers, ...error.headers } })
  }
  const entry = { msg: options.logAs ?? 'request failed', err: error }
  if (options.logger) options.logger.error(entry)
  else console.error(entry)
  return Response.json({ error: { code: 'INTERNAL', message: options.internalMessage ?? INTERNAL_MESSAGE } }, { status: 500, headers: options.headers })
}

type Handler = (req: PayloadRequest) => Promise<Response>

/** A Payload endpoint handler whose throws (AppError or not) are answered by errorResponse. */
export function answersErrors(handler: Handler, options: Omit<ErrorResponseOptions, 'logger'> = {}): Handler {
  return async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      return errorResponse(error, { ...options, logger: req.payload.logger })
    }
  }
}
