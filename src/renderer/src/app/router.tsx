import { createHashRouter, Navigate } from 'react-router'
import { AppLayout } from './AppLayout'
import { featureRoutes } from './features'
import { lazyPage } from './lazyPage'
import { StartRedirect } from './StartRedirect'

// A hash router: the address is the app's own page (app://lukkha/index.html in Electron) and only the hash
// changes. Every page is a lazy chunk (lazyPage), so the first screen loads only the shell and that page.
export const router = createHashRouter([
  { path: '/', element: <StartRedirect /> },
  { path: '/welcome', element: lazyPage(() => import('../features/welcome/WelcomePage'), 'WelcomePage') },
  {
    element: <AppLayout />,
    children: featureRoutes.map((route) => ({ path: route.path, element: route.element })),
  },
  { path: '*', element: <Navigate to="/" replace /> },
])
