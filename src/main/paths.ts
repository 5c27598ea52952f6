import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Lukkha'
export const DB_FILE_NAME = 'lukkha.db'

/**
 * The user data folder, computed the way Electron's app.getPath('userData') does for an app named Lukkha,
 * so the app, the CLI and the tests agree without importing electron. LUKKHA_DATA_DIR overrides it.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LUKKHA_DATA_DIR) return env.LUKKHA_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export function defaultDbFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(userDataDir(env, platform), DB_FILE_NAME)
}
