/**
 * Puts HTML on the clipboard as rich text (text/html, with a text/plain twin) so it pastes into the
 * mp.weixin editor with its inline styles. Falls back to copying a selected off-screen element where
 * the async Clipboard API is unavailable (older browsers, insecure origins).
 */
export async function copyRichText(html: string): Promise<boolean> {
  const holder = document.createElement('div')
  holder.innerHTML = html
  const plain = holder.innerText || holder.textContent || ''
  if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plain], { type: 'text/plain' }),
        }),
      ])
      return true
    } catch {
      // fall through to the selection-based copy
    }
  }
  holder.contentEditable = 'true'
  holder.style.cssText = 'position:fixed;left:-9999px;top:0'
  document.body.appendChild(holder)
  const range = document.createRange()
  range.selectNodeContents(holder)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  const ok = document.execCommand('copy')
  selection?.removeAllRanges()
  holder.remove()
  return ok
}
