import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // analysis-worker: the analysis worker thread's own entry (src/main/analysis/jobs.ts loads it by name);
        // import-parser: the import's parser thread (src/main/import/worker.ts loads it by name)
        input: {
          index: resolve('src/main/index.ts'),
          'analysis-worker': resolve('src/main/analysis/worker.ts'),
          'import-parser': resolve('src/main/import/parser-worker.ts'),
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
