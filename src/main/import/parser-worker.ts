// The parser thread of a big import (parse-thread.ts): reads and maps the file's rows while the importing
// thread writes them. An entry of its own, so the thread starts without loading the database modules
// (Kysely, better-sqlite3, the migrations): measured 616 ms from start to work as part of the import worker.
import { parentPort, workerData } from 'node:worker_threads'
import { runParser, type ParserStart } from './parse-thread'

if (!parentPort) throw new Error('parser-worker.ts runs as a worker thread')
await runParser(parentPort, workerData as ParserStart)
