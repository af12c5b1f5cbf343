import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { sandboxAllowed } from '../../../platform/sandbox'
import { isPublicDemoLogin } from '../../../seed/demoAccounts'

export const DEMO_LOGIN_REFUSED = '演示账号的公开密码只能在沙箱演示中使用：请在「账号」中修改密码后再登录 (demo credentials are refused outside the sandbox)'

/**
 * The demo seed's accounts and passwords are printed in the README. A server without the 沙箱 (production) refuses a
 * login with them, so a database first run as the demo is not open to anyone who read the README.
 */
export const refuseDemoLogins: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'login' || sandboxAllowed()) return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  // `data` makes Payload answer the message (an error without it or a class name, as in the minified build, is hidden).
  if (isPublicDemoLogin(data?.email, data?.password)) throw new APIError(DEMO_LOGIN_REFUSED, 403, { code: 'DEMO_LOGIN_REFUSED' }, true)
  return args
}
