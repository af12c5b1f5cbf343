// Helpers for tests and the demo: minimal files with the right magic bytes, and a loopback emulator.
import { type RunningServer, serveFetchHandler } from '../http'
import { createOfficialAccountEmulator, type OfficialAccountEmulatorOptions } from './emulator'

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0]
const GIF_MAGIC = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]

const fill = (magic: number[], size: number) => {
  const bytes = new Uint8Array(Math.max(size, magic.length))
  bytes.set(magic)
  return bytes
}

export const fakePng = (size = 256) => fill(PNG_MAGIC, size)
export const fakeJpeg = (size = 256) => fill(JPEG_MAGIC, size)
export const fakeGif = (size = 256) => fill(GIF_MAGIC, size)

export async function startEmulator(
  options: OfficialAccountEmulatorOptions = {},
): Promise<{ emulator: ReturnType<typeof createOfficialAccountEmulator>; server: RunningServer; apiBase: string }> {
  const emulator = createOfficialAccountEmulator(options)
  const server = await serveFetchHandler(emulator.handle)
  return { emulator, server, apiBase: `${server.url}${emulator.basePath}` }
}
