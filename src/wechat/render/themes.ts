import { isHexColor, readableOn, tint } from './color'
import { RenderInputError } from './errors'

/** Theme tokens. Every colour is a literal (no var()), every size px/em, because styles are inlined. */
export interface ThemeTokens {
  primary: string
  /** The primary colour adjusted for text use (≥ 4.5:1 on the page background). */
  primaryText: string
  text: string
  muted: string
  heading: string
  background: string
  border: string
  quoteBackground: string
  codeBackground: string
  codeText: string
  inlineCodeText: string
  tableHeaderBackground: string
  zebra: string
  cardBackground: string
  price: string
  onPrimary: string
  highlight: string
  /** Filled button colour: the primary darkened until white text on it reads at 4.5:1. */
  ctaBackground: string
  fontSize: string
  lineHeight: string
  letterSpacing: string
  /** How h1–h2 are decorated: a bottom rule, a coloured bar prefix (real node), or nothing. */
  headingDecoration: 'underline' | 'bar' | 'none'
  radius: string
}

type ThemeBase = Omit<ThemeTokens, 'onPrimary' | 'primaryText' | 'ctaBackground' | 'quoteBackground' | 'tableHeaderBackground'>

const BASES: Record<string, { label: string; tokens: ThemeBase }> = {
  default: {
    label: '默认',
    tokens: {
      primary: '#07c160',
      text: '#333333',
      muted: '#888888',
      heading: '#222222',
      background: '#ffffff',
      border: '#e5e5e5',
      codeBackground: '#f6f8fa',
      codeText: '#333333',
      inlineCodeText: '#d14',
      zebra: '#fafafa',
      cardBackground: '#f7f7f7',
      price: '#e4393c',
      highlight: '#fff3b0',
      fontSize: '16px',
      lineHeight: '1.75',
      letterSpacing: '0.5px',
      headingDecoration: 'underline',
      radius: '6px',
    },
  },
  warm: {
    label: '暖色',
    tokens: {
      primary: '#d9730d',
      text: '#3f3a36',
      muted: '#8c8279',
      heading: '#3f3a36',
      background: '#fffaf3',
      border: '#eadfd3',
      codeBackground: '#faf4ec',
      codeText: '#3f3a36',
      inlineCodeText: '#b35309',
      zebra: '#fdf8f2',
      cardBackground: '#fdf3e7',
      price: '#c2410c',
      highlight: '#ffe3b3',
      fontSize: '16px',
      lineHeight: '1.8',
      letterSpacing: '0.5px',
      headingDecoration: 'bar',
      radius: '10px',
    },
  },
  minimal: {
    label: '极简',
    tokens: {
      primary: '#333333',
      text: '#333333',
      muted: '#8a8a8a',
      heading: '#111111',
      background: '#ffffff',
      border: '#eeeeee',
      codeBackground: '#f5f5f5',
      codeText: '#333333',
      inlineCodeText: '#555555',
      zebra: '#ffffff',
      cardBackground: '#f5f5f5',
      price: '#111111',
      highlight: '#f0f0f0',
      fontSize: '15px',
      lineHeight: '1.7',
      letterSpacing: '0px',
      headingDecoration: 'none',
      radius: '0px',
    },
  },
}

/** Colours mp-darkmode uses for the reader: light text on #191919. Preview only. */
const DARK: Partial<ThemeTokens> = {
  text: '#a3a3a3',
  heading: '#c8c8c8',
  muted: '#7a7a7a',
  background: '#191919',
  border: '#333333',
  codeBackground: '#232323',
  codeText: '#c8c8c8',
  zebra: '#1e1e1e',
  cardBackground: '#232323',
  highlight: '#5c4b1a',
}

export const themes: readonly { name: string; label: string }[] = Object.entries(BASES).map(([name, t]) => ({
  name,
  label: t.label,
}))

export function resolveTheme(name = 'default', primaryColor?: string, darkMode = false): ThemeTokens {
  const base = Object.prototype.hasOwnProperty.call(BASES, name) ? BASES[name] : undefined
  if (!base) throw new RenderInputError(`unknown theme "${name}" (known: ${Object.keys(BASES).join(', ')})`)
  if (primaryColor !== undefined && !isHexColor(primaryColor)) {
    throw new RenderInputError(`primaryColor must be #rgb or #rrggbb, got ${JSON.stringify(primaryColor).slice(0, 40)}`)
  }
  const primary = (primaryColor ?? base.tokens.primary).toLowerCase()
  const tokens: ThemeTokens = {
    ...base.tokens,
    primary,
    primaryText: primary,
    onPrimary: '#ffffff',
    ctaBackground: readableOn(primary, '#ffffff'),
    quoteBackground: tint(primary, 0.06),
    tableHeaderBackground: tint(primary, 0.1),
    ...(darkMode ? DARK : {}),
  }
  if (darkMode) {
    tokens.quoteBackground = '#232323'
    tokens.tableHeaderBackground = '#2a2a2a'
  }
  tokens.primaryText = readableOn(primary, tokens.background)
  return tokens
}
