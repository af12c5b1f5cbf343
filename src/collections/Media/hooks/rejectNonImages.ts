import { type CollectionBeforeOperationHook,ValidationError } from 'payload'

/**
 * Payload checks the declared MIME type; this also decodes the bytes before Payload's own resizing
 * would fail with a generic upload error, so the editor learns what is wrong with the file.
 */
export const rejectNonImages: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return args
  const sharp = req.payload.config.sharp
  if (!sharp) return args
  const decodes = await sharp(file.data)
    .metadata()
    .then((meta: { width?: number; height?: number }) => Boolean(meta.width && meta.height))
    .catch(() => false)
  if (!decodes) {
    throw new ValidationError({
      collection: 'media',
      errors: [{ path: 'file', message: `「${file.name}」不是有效的图片，请上传 JPG、PNG、WebP 或 GIF (not a valid image)` }],
    })
  }
  return args
}
