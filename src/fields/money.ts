import type { NumberField, Validate } from 'payload'

const MAX_FEN = 100_000_000_00 // ¥100,000,000.00: far above any real price, keeps sums inside safe integers

export const validateFen =
  (required: boolean): Validate =>
  (value) => {
    if (value === null || value === undefined || value === '') return required ? '请填写价格 (price is required)' : true
    if (typeof value !== 'number' || !Number.isInteger(value)) return '金额必须是整数分 (amount must be whole fen)'
    if (value < 0) return '金额不能为负数 (amount cannot be negative)'
    if (value > MAX_FEN) return '金额过大 (amount too large)'
    return true
  }

/** Money in integer fen (分). The admin edits and lists it in yuan with ¥. */
export function moneyField(name: string, label: { en: string; zh: string }, required = false): NumberField {
  return {
    name,
    type: 'number',
    required,
    min: 0,
    label,
    validate: validateFen(required),
    admin: {
      components: {
        Field: '@/components/admin/MoneyField#MoneyField',
        Cell: '@/components/admin/MoneyCell#MoneyCell',
      },
    },
  }
}
