import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // Only package.json `dependencies` stay external (the native SQLite driver, and exceljs, loaded lazily
      // for workbooks); every other library is a devDependency and is bundled into the entries: a cold
      // `cli --help` spent most of its time resolving hundreds of small files in node_modules, and
      // electron-builder packs `dependencies` only, so nothing is shipped twice.
      rollupOptions: {
        // analysis-worker: the analysis worker thread's own entry (src/main/analysis/jobs.ts loads it by name);
        // import-parser: the import's parser thread (src/main/import/worker.ts loads it by name);
        // cli: the command line, run by scripts/cli.mjs with the project's Node (no TypeScript at run time)
        input: {
          index: resolve('src/main/index.ts'),
          'analysis-worker': resolve('src/main/analysis/worker.ts'),
          'import-parser': resolve('src/main/import/parser-worker.ts'),
          cli: resolve('src/main/cli/index.ts'),
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
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
