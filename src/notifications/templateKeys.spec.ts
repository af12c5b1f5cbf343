import { describe, expect, it } from 'vitest'

import { parseKeywords } from './format'
import { suggestKeywords, templateKeys } from './templateKeys'

describe('templateKeys', () => {
  it('reads the keys of a content in order, once each, without first and remark', () => {
    const content = '{{first.DATA}}\n订单号：{{character_string1.DATA}}\n商品：{{ thing2.DATA }}\n金额：{{amount3.DATA}}\n{{thing2.DATA}}\n{{remark.DATA}}'
    expect(templateKeys(content)).toEqual(['character_string1', 'thing2', 'amount3'])
  })

  it('no content, or none of WeChat placeholders: no keys', () => {
    expect(templateKeys(undefined)).toEqual([])
    expect(templateKeys('订单号：{{character_string1}} {character_string2.DATA}')).toEqual([])
  })
})

describe('suggestKeywords', () => {
  it('maps each key type to the order field it would show', () => {
    expect(suggestKeywords(['character_string1', 'thing2', 'amount3', 'time4', 'phrase5', 'thing6', 'date7'])).toBe(
      'character_string1:number,thing2:product,amount3:total,time4:time,phrase5:status,thing6:note,date7:time',
    )
  })

  it('leaves out types no order field fits, and what it suggests parses as a mapping', () => {
    const spec = suggestKeywords(['phone_number1', 'character_string2', 'car_number3', 'thing4'])
    expect(spec).toBe('character_string2:number,thing4:product')
    expect(parseKeywords(spec)).toEqual([
      { key: 'character_string2', source: 'number' },
      { key: 'thing4', source: 'product' },
    ])
  })

  it('no keys: an empty mapping', () => {
    expect(suggestKeywords([])).toBe('')
  })
})
