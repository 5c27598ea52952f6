export { openDatabase, openSqlite, type Connection, type OpenOptions, type Sqlite } from './connection'
export { migrateToLatest, schemaVersion } from './migrate'
export type { Database } from './schema'
