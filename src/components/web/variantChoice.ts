// Which SKU a product page opens on, and how the page follows the reader's choice without JavaScript.

export type ChoosableVariant = { sku: string; price?: number | null; stock: number }

/**
 * The SKU chosen when the page loads: the one the link asked for (a card that names a SKU) if it is in stock, else the
 * one in stock that the product's own title and price describe (a SKU without a price of its own, or at that price:
 * what a card without a SKU showed), else the first one in stock, else the first (and the form is sold out).
 */
export function initialVariant<V extends ChoosableVariant>(variants: V[], productPrice?: number, requested?: string): V | undefined {
  const inStock = variants.filter((v) => v.stock > 0)
  return inStock.find((v) => v.sku === requested) ?? inStock.find((v) => v.price == null || v.price === productPrice) ?? inStock[0] ?? variants[0]
}

/** Marks the i-th SKU's radio, and its copy of what differs per SKU (price, stock) inside a `data-by-variant` element. */
export const VARIANT_INDEX = 'data-vi'

/**
 * The stylesheet that shows, inside every `[data-by-variant]` element, only the copy of the checked SKU (price at the
 * top of the page, stock in the buy bar), so the page follows the reader's choice with JavaScript off. Before any
 * choice, and where the browser lacks :has() (old WebViews), the copy marked `.is-initial` shows (styles.css).
 */
export const variantChoiceCss = (count: number) => followChoiceCss({ input: 'variant', index: VARIANT_INDEX, copies: 'data-by-variant' }, count)

/**
 * The same for any radio group: inside `[<copies>]`, show the copy whose `<index>` attribute is that of the checked
 * radio named `input`. Hand-written: one rule per choice, since CSS cannot match an attribute's value against another
 * element's.
 */
export function followChoiceCss(choice: { input: string; index: string; copies: string }, count: number): string {
  const { input, index, copies } = choice
  const rules = Array.from({ length: count }, (_, i) => `body:has(input[${index}="${i}"]:checked) [${copies}]>[${index}="${i}"]{display:inline}`)
  return `@supports selector(:has(*)){body:has(input[name=${input}]:checked) [${copies}]>*{display:none}${rules.join('')}}`
}
