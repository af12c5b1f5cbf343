import type { Validate } from 'payload'

export const SKU_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

/** A variant's SKU: what the checkout API and the buy form send as `variant`; unique within its product. */
export const variantSku: Validate = (value, { data }) => {
  if (value === null || value === undefined || value === '') return '请填写规格编码 (SKU is required)'
  if (typeof value !== 'string' || !SKU_PATTERN.test(value)) {
    return '规格编码只能包含字母、数字、- 和 _，最长 32 位 (SKU: letters, digits, - and _, at most 32)'
  }
  const variants = (data as { variants?: Array<{ sku?: unknown }> | null } | undefined)?.variants ?? []
  if (variants.filter((v) => v?.sku === value).length > 1) return `规格编码「${value}」在本商品中重复 (SKU must be unique within the product)`
  return true
}
