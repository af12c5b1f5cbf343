const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX.test(value)
}

function channels(hex: string): [number, number, number] {
  const h = hex.length === 4 ? hex.slice(1).replace(/./g, (c) => c + c) : hex.slice(1)
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** Tints a colour towards white; `amount` 0..1 is the share of the original colour kept. */
export function tint(hex: string, amount: number): string {
  return (
    '#' +
    channels(hex)
      .map((c) =>
        Math.round(255 - (255 - c) * amount)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  )
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * The colour, darkened (or lightened on dark backgrounds) just enough to reach `ratio` against `background`.
 * Brand colours such as WeChat green are too light for text on white.
 */
export function readableOn(color: string, background: string, ratio = 4.5): string {
  const darkBg = luminance(background) < 0.2
  let [r, g, b] = channels(color)
  for (let i = 0; i < 20; i++) {
    const hex = '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')
    if (contrast(hex, background) >= ratio) return hex
    ;[r, g, b] = [r, g, b].map((c) => (darkBg ? c + (255 - c) * 0.15 : c * 0.85)) as [number, number, number]
  }
  return darkBg ? '#ffffff' : '#000000'
}
