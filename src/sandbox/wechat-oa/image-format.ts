export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp'

/** Format from magic bytes. */
export function sniffImage(bytes: Uint8Array): ImageFormat | undefined {
  const b = bytes
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a)
    return 'png'
  if (b.length >= 4 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif'
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp'
  return undefined
}

/** Format from the filename extension. */
export function extensionFormat(filename: string): ImageFormat | undefined {
  const ext = filename.toLowerCase().split('.').pop()
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg'
  if (ext === 'png' || ext === 'gif' || ext === 'bmp') return ext
  return undefined
}

/**
 * §5.2 item 8: decide by magic bytes *and* extension; both must be allowed and agree, so a renamed GIF or a
 * PNG called `.txt` is rejected either way.
 */
export function acceptedFormat(bytes: Uint8Array, filename: string, allowed: ImageFormat[]): ImageFormat | undefined {
  const magic = sniffImage(bytes)
  const ext = extensionFormat(filename)
  if (!magic || !ext || magic !== ext || !allowed.includes(magic)) return undefined
  return magic
}
