import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DomUtils, parseDocument } from 'htmlparser2'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
const fixture = path.join(root, 'tests/fixtures/wechat/article.json')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-wechat-cli-'))

type Run = { code: number | null; stdout: string; stderr: string }

function spawnCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['scripts/render-wechat.ts', ...args], { cwd: root, timeout: 30_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

// Each tsx start costs ~1.5 s, so every invocation is spawned up front, in parallel, and the tests read the results.
const runs = new Map<string, Promise<Run>>()
const cli = (...args: string[]) => runs.get(JSON.stringify(args))!

function writeInput(name: string, text: string) {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, text)
  return file
}

const warnInput = (() => {
  const input = JSON.parse(fs.readFileSync(fixture, 'utf8'))
  input.content.root.children.push({ type: 'upload', relationTo: 'media', value: 'missing' })
  return writeInput('warn.json', JSON.stringify(input))
})()
const longInput = (() => {
  const para = { type: 'paragraph', children: [{ type: 'text', text: '很长的正文。'.repeat(20), format: 0 }] }
  const input = { title: 't', content: { root: { type: 'root', children: Array(300).fill(para) } }, products: {}, media: {} }
  return writeInput('long.json', JSON.stringify(input))
})()
const failures: [string, string[], RegExp][] = [
  ['a missing file', [path.join(tmp, 'nope.json')], /cannot read/],
  ['bad JSON', [writeInput('bad.json', '{nope')], /not valid JSON/],
  ['a bad shape', [writeInput('shape.json', '{"content": {"root": 1}}')], /Lexical editor state/],
  ['an unknown mode', [fixture, '--mode', 'fax'], /unknown mode/],
  ['an unknown theme', [fixture, '--theme', 'neon'], /unknown theme/],
  ['a draft/add limit in api mode', [longInput, '--mode', 'api'], /limit exceeded: chars/],
]
const invocations = [[warnInput, '--theme', 'warm', '--mode=paste'], ...failures.map((f) => f[1])]

beforeAll(async () => {
  const pending = [...invocations]
  const worker = async () => {
    for (let args = pending.shift(); args; args = pending.shift()) {
      const done = spawnCli(args)
      runs.set(JSON.stringify(args), done)
      await done
    }
  }
  await Promise.all([worker(), worker()])
}, 60_000)

describe('render:wechat CLI', () => {
  it('prints the HTML on stdout, warnings on stderr, and exits 0', async () => {
    const { code, stdout, stderr } = await cli(warnInput, '--theme', 'warm', '--mode=paste')
    expect(code, stderr).toBe(0)
    const doc = parseDocument(stdout)
    const text = DomUtils.textContent(doc)
    expect(text).toContain('山野 2 双人帐篷')
    expect(text).toContain('¥899.00')
    expect(text).toContain('[图片缺失：missing]')
    expect(DomUtils.findAll((el) => el.name === 'img', doc.children).length).toBe(7)
    expect(stderr.trim().split('\n')).toEqual(['warning: 找不到图片（媒体 missing），已显示占位'])
  })

  it.each(failures)('exits 2 with a one-line reason on %s', async (_, args, reason) => {
    const { code, stdout, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(reason)
  })
})
