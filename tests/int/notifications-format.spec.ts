// Template field values fitted to WeChat's keyword type rules (wechat-api.md §1.7.1), checked against the
// emulator's own validator (the same rules that answer 47003).
import { describe, expect, it } from 'vitest'

import { DEFAULT_KEYWORDS, fitValue, formatAmount, parseKeywords, templateData } from '@/notifications/format'
import { beijingMinute } from '@/platform/beijingTime'
import { invalidTemplateKey } from '@/sandbox/wechat-oa/template-rules'

describe('template field formatter', () => {
  it('thing: ≤ 20 characters (CJK counted as one), truncated with an ellipsis', () => {
    const long = '明前龙井特级礼盒装二百五十克（限量版）附赠紫砂壶一把'
    const v = fitValue('thing2', long)!
    expect([...v].length).toBe(20)
    expect(v.endsWith('…')).toBe(true)
    expect(fitValue('thing2', '短名称')).toBe('短名称')
  })

  it('character_string: ≤ 32 printable ASCII, other characters dropped', () => {
    expect(fitValue('character_string1', 'TW2611220123456789')).toBe('TW2611220123456789')
    expect(fitValue('character_string1', `订单 ${'A'.repeat(40)}`)).toBe('A'.repeat(32))
  })

  it('phrase: ≤ 5 CJK characters only', () => {
    expect(fitValue('phrase5', '支付成功')).toBe('支付成功')
    expect(fitValue('phrase5', '已发货 OK!')).toBe('已发货')
    expect(fitValue('phrase5', '退款已经原路退回')).toBe('退款已经原')
    expect(fitValue('phrase5', 'paid')).toBeUndefined()
  })

  it('amount: one currency symbol and ≤ 10 digits; time: 24-hour, half-width ~', () => {
    expect(formatAmount(1290)).toBe('¥12.90')
    expect(formatAmount(2 * 26800)).toBe('¥536.00')
    expect(fitValue('amount3', '¥12.90')).toBe('¥12.90')
    expect(fitValue('amount3', 'RMB 1,234.5')).toBe('¥1234.5')
    expect(beijingMinute('2026-11-22T16:05:00Z')).toBe('2026-11-23 00:05')
    expect(fitValue('time4', '2026-11-23 10:00～2026-11-23 12:00')).toBe('2026-11-23 10:00~2026-11-23 12:00')
  })

  it('strips control characters and newlines; number/letter/symbol/name/phone rules', () => {
    expect(fitValue('thing2', '第一行\n第二行\t')).toBe('第一行 第二行')
    expect(fitValue('number1', '共 12.5 件')).toBe('12.5')
    expect(fitValue('letter1', 'ab-c1')).toBe('abc')
    expect(fitValue('symbol1', 'a!@#$%^&')).toBe('!@#$%')
    expect(fitValue('name1', '张三李四王五赵六钱七孙八')).toBe('张三李四王五赵六钱七')
    expect(fitValue('phone_number1', '+86 138-0013-8000 转 1')).toBe('+86 138-0013-8000')
  })

  it('maps template keywords onto order values; every value passes the emulator rules', () => {
    expect(parseKeywords('')).toEqual(parseKeywords(DEFAULT_KEYWORDS))
    expect(parseKeywords('thing2:product, bogus, amount3=total，phrase9:nope')).toEqual([
      { key: 'thing2', source: 'product' },
      { key: 'amount3', source: 'total' },
    ])
    const values = {
      number: 'TW2611220123456789',
      product: '明前龙井特级礼盒装二百五十克（限量版）等3件',
      total: formatAmount(123456789),
      time: beijingMinute(Date.UTC(2026, 10, 22, 8, 30)),
      status: '已发货',
      note: '商品已发出，请留意查收\n',
    }
    const spec = 'character_string1:number,thing2:product,amount3:total,time4:time,phrase5:status,thing6:note,date7:time'
    const data = templateData(spec, values)
    expect(Object.keys(data)).toEqual(['character_string1', 'thing2', 'amount3', 'time4', 'phrase5', 'thing6', 'date7'])
    expect(data.amount3.value).toBe('¥1234567.89')
    expect(data.time4.value).toBe('2026-11-22 16:30')
    expect(invalidTemplateKey(Object.keys(data), data)).toBeUndefined()
  })
})
