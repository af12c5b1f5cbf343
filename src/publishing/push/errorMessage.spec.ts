import { describe, expect, it } from 'vitest'

import { AccountSetupError } from '../../wechat/account/errors'
import { PublishError } from '../errors'
import { errorMessage } from './job'

describe("the push's lastError", () => {
  it('is the message itself for what the editor must fix: a refused push or an account not set up', () => {
    expect(errorMessage(new PublishError('一条推送须包含 1–8 篇文章'))).toBe('一条推送须包含 1–8 篇文章')
    expect(errorMessage(new AccountSetupError('该公众号尚未填写 AppSecret，请先在「设置 → 公众号」中填写'))).toBe(
      '该公众号尚未填写 AppSecret，请先在「设置 → 公众号」中填写',
    )
    expect(errorMessage(new Error('socket hang up'))).toBe('推送失败：socket hang up')
  })
})
