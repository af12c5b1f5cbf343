import { AppError } from '@/platform/errors'

/** A refusal the reader should see (409 full / sold out / limit, 404 unknown), answered by errorResponse. */
export class CommunityError extends AppError {
  override name = 'CommunityError'
  constructor(code: string, status: number, message: string, field?: string) {
    super(code, status, message, { field })
  }
}

export const notFound = (what: string) => new CommunityError('NOT_FOUND', 404, `${what}不存在或未发布 (not found)`)
