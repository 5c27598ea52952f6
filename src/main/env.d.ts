// electron-vite's module suffixes, e.g. `import workerPath from './import/worker?modulePath'` (built as its own
// chunk; the import gives its path at run time).
/// <reference types="electron-vite/node" />
