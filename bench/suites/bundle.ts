import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { atMost, type Suite } from '../types'

// What the build wrote (npm run bench builds first): the renderer's first chunk (the script index.html
// loads), every renderer chunk, and the main-process bundle including the CLI.

const out = resolve(import.meta.dirname, '../../out')

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => join(dir, name))
}

const kb = (bytes: number): number => Math.round(bytes / 1024)
const size = (path: string): number => statSync(path).size

/**
 * Minified code has few, long lines; Vite's unminified output has one statement per line. A tiny chunk
 * (a few exports, under 200 characters) is one line either way: a single line counts as minified.
 */
function looksMinified(path: string): boolean {
  const text = readFileSync(path, 'utf8')
  const lines = text.split('\n').length
  return lines === 1 || text.length / lines > 200
}

export const bundleSuite: Suite = {
  name: 'bundle',
  description: 'bundle sizes: renderer first chunk and route chunks, main process and CLI',
  run() {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8')
    const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1]
    if (!entry) throw new Error('out/renderer/index.html loads no script: run npm run build')
    const first = join(out, 'renderer', entry)
    const rendererJs = files(join(out, 'renderer'), '.js')
    const rendererCss = files(join(out, 'renderer'), '.css')
    const mainJs = files(join(out, 'main'), '.js')
    const firstKb = kb(size(first))
    // The entry is small and loads the app (and, on the dashboard, its page) by dynamic import: what the first
    // screen loads is the entry plus the chunks Vite's preload list names in it.
    const preloads = /m\.f=\[([^\]]*)\]/.exec(readFileSync(first, 'utf8'))?.[1] ?? ''
    const startChunks = [...preloads.matchAll(/"\.\/([^"]+\.js)"/g)].map((m) =>
      join(out, 'renderer/assets', m[1] ?? ''),
    )
    const firstScreenKb = kb(size(first) + startChunks.reduce((sum, file) => sum + size(file), 0))
    const largest = Math.max(...rendererJs.map(size))
    const minified = rendererJs.every(looksMinified)
    return Promise.resolve({
      suite: 'bundle',
      figures: [
        { name: 'renderer first chunk', value: firstKb, unit: 'KB', ...atMost(firstKb, 1024) },
        { name: 'renderer first screen JS (entry + chunks it preloads)', value: firstScreenKb, unit: 'KB' },
        { name: 'renderer JS chunks', value: rendererJs.length, unit: 'files' },
        { name: 'renderer JS total', value: kb(rendererJs.reduce((s, f) => s + size(f), 0)), unit: 'KB' },
        { name: 'renderer largest chunk', value: kb(largest), unit: 'KB' },
        { name: 'renderer CSS total', value: kb(rendererCss.reduce((s, f) => s + size(f), 0)), unit: 'KB' },
        {
          name: 'renderer chunks minified',
          value: minified ? 1 : 0,
          unit: 'yes=1',
          target: '= 1',
          met: minified,
        },
        {
          name: 'main process JS total (incl. CLI, workers)',
          value: kb(mainJs.reduce((s, f) => s + size(f), 0)),
          unit: 'KB',
        },
        { name: 'CLI entry (out/main/cli.js)', value: kb(size(join(out, 'main/cli.js'))), unit: 'KB' },
        { name: 'preload', value: kb(size(join(out, 'preload/index.cjs'))), unit: 'KB' },
      ],
    })
  },
}
