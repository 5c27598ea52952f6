import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { workerEntries } from './src/main/jobs/entries'
import { firstScreenChunks } from './src/renderer/first-screen-chunks'
import { staticFramePlugin } from './src/renderer/static-frame-plugin'

export default defineConfig({
  main: {
    build: {
      // Only package.json `dependencies` stay external (the native SQLite driver, and exceljs, loaded lazily
      // for workbooks); every other library is a devDependency and is bundled into the entries: a cold
      // `cli --help` spent most of its time resolving hundreds of small files in node_modules, and
      // electron-builder packs `dependencies` only, so nothing is shipped twice.
      rollupOptions: {
        // Every worker thread is an entry of its own, out/main/<name>.js, started by that name
        // (src/main/jobs/entries.ts lists them; src/main/jobs/workers.ts starts them)
        input: {
          index: resolve('src/main/index.ts'),
          // the command line, run by scripts/cli.mjs with the project's Node (no TypeScript at run time)
          cli: resolve('src/main/cli/index.ts'),
          ...Object.fromEntries(Object.entries(workerEntries).map(([name, path]) => [name, resolve(path)])),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        // A sandboxed preload cannot require() other files: bundle everything into one CommonJS file.
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      minify: true, // electron-vite leaves the renderer unminified by default
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // the first screen's code in one chunk (src/renderer/first-screen-chunks.ts)
        output: { codeSplitting: firstScreenChunks },
      },
    },
    // the app's outline in the page itself, painted before the app's code runs (one page per language)
    plugins: [react(), staticFramePlugin()],
  },
})
