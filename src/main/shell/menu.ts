import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu. Only roles, so the system words them in the user's language. Production keeps what
 * a user needs (copy and paste, window, quit); reload and the developer tools exist only in development,
 * so an installed Lukkha cannot be reloaded mid-import or inspected from its menu or shortcuts.
 */
export function appMenuTemplate(options: {
  development: boolean
  platform: NodeJS.Platform
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = []
  if (options.platform === 'darwin') template.push({ role: 'appMenu' })
  else template.push({ role: 'fileMenu' })
  template.push({ role: 'editMenu' })
  if (options.development) {
    template.push({
      label: 'Develop',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    })
  }
  template.push({ role: 'windowMenu' })
  return template
}
