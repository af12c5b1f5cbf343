/**
 * npm run -s render:wechat -- <input.json> [--mode paste|api] [--theme name]
 * Prints the WeChat HTML to stdout and warnings to stderr. Exit 2 with a one-line reason on invalid input.
 */
import fs from 'node:fs'

import { type RenderInput, RenderInputError, RenderLimitError, renderWechatArticle, themes } from '../src/wechat/render'

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; mode?: string; theme?: string } {
  const positional: string[] = []
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const m = /^--(mode|theme)(?:=(.*))?$/.exec(arg)
    if (m) {
      const value = m[2] ?? argv[++i]
      if (!value) throw new UsageError(`--${m[1]} needs a value`)
      flags[m[1]!] = value
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else positional.push(arg)
  }
  if (positional.length !== 1) throw new UsageError('usage: render:wechat <input.json> [--mode paste|api] [--theme name]')
  if (flags.mode && flags.mode !== 'paste' && flags.mode !== 'api') throw new UsageError(`unknown mode "${flags.mode}" (paste|api)`)
  if (flags.theme && !themes.some((t) => t.name === flags.theme)) {
    throw new UsageError(`unknown theme "${flags.theme}" (${themes.map((t) => t.name).join('|')})`)
  }
  return { file: positional[0]!, mode: flags.mode, theme: flags.theme }
}

function readInput(file: string): Record<string, unknown> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new UsageError(`${file} is not valid JSON`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`${file} must hold a JSON object`)
  if (!('content' in data)) throw new UsageError(`${file} has no "content" (Lexical editor state)`)
  return data as Record<string, unknown>
}

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2))
    const input = readInput(args.file)
    const result = await renderWechatArticle({
      ...input,
      products: (input.products ?? {}) as RenderInput['products'],
      media: (input.media ?? {}) as RenderInput['media'],
      baseUrl: (input.baseUrl as string | undefined) ?? process.env.NEXT_PUBLIC_SERVER_URL,
      mode: (args.mode ?? input.mode) as RenderInput['mode'],
      theme: args.theme ?? (input.theme as string | undefined),
    } as RenderInput)
    process.stdout.write(result.html + '\n')
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`)
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof RenderInputError || error instanceof RenderLimitError) {
      process.stderr.write(`render:wechat: ${error.message.replace(/\s+/g, ' ')}\n`)
      return 2
    }
    throw error
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`render:wechat: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  },
)
