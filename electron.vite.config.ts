import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { workerEntries } from './src/main/jobs/entries'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Every worker thread is an entry of its own, out/main/<name>.js, started by that name
        // (src/main/jobs/entries.ts lists them; src/main/jobs/workers.ts starts them)
        input: {
          index: resolve('src/main/index.ts'),
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
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
