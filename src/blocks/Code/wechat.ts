import type { WechatBlockConverter } from '../../wechat/render/context'
import { escapeHtml } from '../../wechat/render/escape'
import { styleAttr } from '../../wechat/render/style'

/** Leading whitespace and runs of spaces would collapse in WeChat; tabs are 4 columns. */
function codeLine(line: string): string {
  const expanded = line.replace(/\t/g, '    ')
  const lead = /^ */.exec(expanded)![0].length
  const rest = escapeHtml(expanded.slice(lead)).replace(/ {2,}/g, (run) => '\u00a0'.repeat(run.length))
  return '\u00a0'.repeat(lead) + rest
}

/**
 * `code` → <pre><code> without raw newlines (draft/add eats \n in <code>): lines joined by <br>,
 * one horizontally scrolling line per source line. No syntax colours (no highlighter installed).
 */
export const codeToWechat: WechatBlockConverter = (fields, ctx) => {
  const code = typeof fields.code === 'string' ? fields.code.replace(/\r\n?/g, '\n').replace(/\n+$/, '') : ''
  const language = typeof fields.language === 'string' && fields.language !== 'plaintext' ? fields.language.slice(0, 20) : ''
  const lines = code.split('\n').map(codeLine).join('<br>')
  const label = language ? `<section${styleAttr(ctx.s.codeLang)}>${escapeHtml(language)}</section>` : ''
  return `<section${styleAttr(ctx.s.codeWrap)}>${label}<pre${styleAttr(ctx.s.pre)}><code${styleAttr(ctx.s.code)}>${lines || '<br>'}</code></pre></section>`
}
