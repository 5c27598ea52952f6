// Sarabun from the npm package, bundled by Vite into the app (the CSP allows fonts from 'self' only).
// Each file declares the Thai, Latin and Vietnamese subsets by unicode-range.
import '@fontsource/sarabun/400.css'
import '@fontsource/sarabun/500.css'
import '@fontsource/sarabun/600.css'
import '@fontsource/sarabun/700.css'
