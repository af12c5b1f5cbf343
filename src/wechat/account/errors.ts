import { AppError } from '../../platform/errors'

/**
 * An Official Account that is missing or not set up (no AppSecret): someone must fix its settings, so retrying
 * will not help. Answered 409 ACCOUNT_NOT_CONFIGURED; the message, in Chinese, says what to fix.
 */
export class AccountSetupError extends AppError {
  override name = 'AccountSetupError'
  constructor(message: string) {
    super('ACCOUNT_NOT_CONFIGURED', 409, message)
  }
}
