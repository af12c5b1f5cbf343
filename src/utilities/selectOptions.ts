/** A select value with its Chinese and English labels: the shape our status and type lists are written in. */
export type LabelledValue<V extends string = string> = { readonly value: V; readonly zh: string; readonly en: string }

/** Payload select options from such a list. */
export function selectOptions<V extends string>(list: readonly LabelledValue<V>[]): { value: V; label: { zh: string; en: string } }[] {
  return list.map(({ value, zh, en }) => ({ value, label: { zh, en } }))
}
