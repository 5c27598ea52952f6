// Every worker thread's script, by name: electron.vite.config.ts builds each as its own entry
// (out/main/<name>.js) and workers.ts starts them by that name. Add a worker: one line here.
export const workerEntries = {
  'import-worker': 'src/main/import/worker.ts',
  'import-parser': 'src/main/import/parser-worker.ts',
  'import-preview-worker': 'src/main/import/preview-worker.ts',
  'analysis-worker': 'src/main/analysis/worker.ts',
  'baskets-worker': 'src/main/baskets/worker.ts',
  'survey-import-worker': 'src/main/surveys/import-worker.ts',
} as const

export type WorkerName = keyof typeof workerEntries
