import './app/fonts'
import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import './styles.css'
import { askEarlyCalls, opensOnDashboard } from './app/earlyCalls'
import { pageLanguage, startI18n } from './i18n'

// The entry script is small on purpose: it loads the app's code and the current language's texts side by side,
// asks the first screen's questions at once (the main process answers while the code loads; asked after the
// code, so the files are served first), and draws the app when the code and the texts are in. The page
// arrives in the settings' language (<html data-language>); a page without it starts in Thai and
// <LanguageSync> waits for the settings.
const app = import('./app/start')
const texts = startI18n(pageLanguage() ?? 'th')
// the dashboard's code too when the window opens on it (its route's lazy import then finds it loaded), so the
// KPI cards do not wait for it to be fetched after the start redirect
if (opensOnDashboard()) void import('./features/dashboard/DashboardPage')
const early = askEarlyCalls()
void Promise.all([app, texts]).then(([start]) => start.renderApp(early))
