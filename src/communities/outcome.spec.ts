import { describe, expect, it } from 'vitest'

import { anchorOf, errorMessage, type Outcome, outcomeFor, outcomeSearch, parseOutcome } from './outcome'

const parse = (search: string) => parseOutcome(Object.fromEntries(new URLSearchParams(search)))

describe('the outcome of a no-JS form post, in the query of the page it returns to', () => {
  it('round-trips successes and refusals', () => {
    const cases: Outcome[] = [
      { ok: true, action: 'claim', id: 'c1', code: 'ABCD234567' },
      { ok: true, action: 'join', id: 'k1', code: undefined },
      { ok: false, action: 'signup', id: 'e1', error: 'INVALID', field: 'phone' },
      { ok: false, action: 'claim', id: 'c1', error: 'SOLD_OUT', field: undefined },
    ]
    for (const outcome of cases) expect(parse(outcomeSearch(outcome))).toEqual(outcome)
    expect(outcomeSearch(cases[2])).toBe('?error=INVALID&action=signup&id=e1&field=phone')
  })

  it('ignores what no endpoint writes: unknown actions, odd ids, codes and text', () => {
    expect(parse('')).toBeNull()
    expect(parse('done=delete&id=c1')).toBeNull()
    expect(parse('done=claim&id=../x')).toBeNull()
    expect(parse('error=<b>hi</b>&action=claim&id=c1')).toBeNull()
    expect(parse('done=claim&id=c1&code=<script>')).toEqual({ ok: true, action: 'claim', id: 'c1', code: undefined })
    expect(parse('error=INVALID&action=signup&id=e1&field=name')).toMatchObject({ field: undefined })
    expect(parseOutcome({ done: ['claim', 'join'], id: 'c1' })).toBeNull()
  })

  it('belongs to one card, which it scrolls to', () => {
    const outcome = parse('done=claim&id=c1')
    expect(outcomeFor(outcome, 'claim', 'c1')).toBe(outcome)
    expect(outcomeFor(outcome, 'claim', 'c2')).toBeNull()
    expect(outcomeFor(outcome, 'signup', 'c1')).toBeNull()
    expect([anchorOf('claim', 'c1'), anchorOf('signup', 'e1'), anchorOf('join', 'k1')]).toEqual(['coupon-c1', 'event-e1', 'join'])
  })

  it('words refusals in Chinese', () => {
    expect(errorMessage('INVALID', 'phone')).toBe('手机号格式不正确')
    expect(errorMessage('LIMIT_REACHED', undefined, 1)).toBe('你已经领过这张券了')
    expect(errorMessage('LIMIT_REACHED', undefined, 3)).toBe('每人限领 3 张')
    expect(errorMessage('WHATEVER')).toBe('操作失败，请重试')
  })
})
