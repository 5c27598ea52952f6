import './app/fonts'
import './app/mantineStyles'
import './styles.css'
import { askEarly } from './app/earlyCalls'

// The entry is small on purpose: it asks for the app's code (React, Mantine, router, texts and the dashboard:
// start.tsx, one chunk), then asks the first screen's API questions, so the answers are on their way while
// that code loads and evaluates, instead of being asked only once it has run. Code first: the files are
// requested before the API calls (the harness serves both from one event loop, the app's main process from
// one thread).
const app = import('./app/start')
askEarly(window.location.hash)
void app.then(({ start }) => start())
