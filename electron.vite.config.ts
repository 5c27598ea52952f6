import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const bundledMainDeps = ['commander', 'kysely', 'zod', 'libphonenumber-js', 'iconv-lite', 'papaparse']

export default defineConfig({
  main: {
    build: {
      // Pure-JS libraries are bundled into the main entries: a cold `cli --help` spent most of its time
      // resolving and reading hundreds of small files from node_modules. The native SQLite driver and exceljs
      // (loaded lazily, only for workbooks) stay external.
      externalizeDeps: { exclude: bundledMainDeps },
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
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
