import { resolve } from 'node:path'

// The renderer's first screen (issue 17): the app's code (start.tsx) and the dashboard's as ONE chunk instead of
// the ~30 that the bundler cut them into by sharing with other pages (Modal, Table, Popover, ...): each file is
// one more request the page waits for (a browser asks at most 6 at a time over http, as the harness serves it)
// and one more module record to link. "first-screen" holds every module start.tsx or DashboardPage.tsx imports
// statically (directly or through others); the modules of the entry itself (main.tsx: the early API questions)
// go to a small "early" chunk first, so the entry never waits for the big one. Pages opened later load only
// their own chunks (and share first-screen, already loaded).
type ModuleInfo = { importedIds: readonly string[]; code: string | null }
type ModuleGraph = { getModuleInfo(id: string): ModuleInfo | null }
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g
/** The names a module imports with `import { ... } from "spec"`, by spec (`a as b` counts as a). */
function namedImports(code: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const [, names = '', spec = ''] of code.matchAll(NAMED_IMPORT)) {
    const list = names
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/)[0] ?? '')
      .filter(Boolean)
    found.set(spec, [...(found.get(spec) ?? []), ...list])
  }
  return found
}
/**
 * For a package index that only re-exports (Mantine's `esm/index.mjs`: one `import { X } from "./X.mjs"` per
 * name, then one `export { ... }`), where each name comes from; null for any other module. A module importing
 * `{ Button }` from such an index needs Button's module, not the ~300 others the index lists.
 */
function reexportSources(id: string, info: ModuleInfo): Map<string, string> | null {
  const code = info.code
  if (!code || !id.includes('/node_modules/')) return null
  const body = code
    .replace(NAMED_IMPORT, '')
    .replace(/export\s*\{[^}]*\}/, '')
    .replace(/[;\s]/g, '')
  if (body !== '' || !/export\s*\{/.test(code)) return null
  const sources = new Map<string, string>()
  for (const [spec, names] of namedImports(code)) {
    for (const name of names) sources.set(name, resolve(id, '..', spec))
  }
  return sources
}
/** The modules `roots` import statically, directly or through others, following only the used names of an index. */
function staticClosure(roots: string[], graph: ModuleGraph): Set<string> {
  const seen = new Set<string>()
  const todo = [...roots]
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    const info = graph.getModuleInfo(id)
    if (!info) continue
    const imports = info.code ? namedImports(info.code) : new Map<string, string[]>()
    for (const imported of info.importedIds) {
      const importedInfo = graph.getModuleInfo(imported)
      const sources = importedInfo && reexportSources(imported, importedInfo)
      const spec = sources && [...imports.keys()].find((s) => imported.includes(`/node_modules/${s}/`))
      const names = spec ? imports.get(spec) : undefined
      if (!sources || !names) {
        todo.push(imported)
        continue
      }
      for (const name of names) {
        const source = sources.get(name)
        if (source) todo.push(source)
      }
    }
  }
  return seen
}
const closures = new WeakMap<ModuleGraph, { early: Set<string>; first: Set<string> }>()
function firstScreenClosures(graph: ModuleGraph): { early: Set<string>; first: Set<string> } {
  let found = closures.get(graph)
  if (!found) {
    const early = staticClosure([resolve('src/renderer/src/main.tsx')], graph)
    const first = staticClosure(
      [
        resolve('src/renderer/src/app/start.tsx'),
        resolve('src/renderer/src/features/dashboard/DashboardPage.tsx'),
      ],
      graph,
    )
    found = { early, first }
    closures.set(graph, found)
  }
  return found
}
const isStyle = (id: string): boolean => /\.css($|\?)/.test(id)
/** Rolldown's `output.codeSplitting` for the renderer: the groups "early" and "first-screen" described above. */
export const firstScreenChunks = {
  groups: [
    {
      name: (id: string, graph: ModuleGraph): string | null =>
        !isStyle(id) && firstScreenClosures(graph).early.has(id) ? 'early' : null,
      priority: 20,
    },
    {
      name: (id: string, graph: ModuleGraph): string | null =>
        !isStyle(id) && firstScreenClosures(graph).first.has(id) ? 'first-screen' : null,
      priority: 10,
    },
  ],
}
