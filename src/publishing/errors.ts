import { AppError } from '../platform/errors'

/** A failure the editor must fix (limits, missing cover, permissions): retrying will not help. Message in Chinese. */
export class PublishError extends AppError {
  override name = 'PublishError'
  constructor(message: string) {
    super('PUBLISH_REFUSED', 422, message)
  }
}
