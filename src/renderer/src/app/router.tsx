import { createHashRouter, Navigate } from 'react-router'
import { AppLayout } from './AppLayout'
import { featureRoutes } from './features'
import { lazyPage } from './lazyPage'
import { StartRedirect } from './StartRedirect'

// A hash router: the address is the app's own page (app://lukkha/index.html in Electron) and only the hash
// changes. Every page but the dashboard (the first screen, drawn with the app's code) is a lazy chunk
// (lazyPage), so the first screen loads only the shell and the dashboard.
let router: ReturnType<typeof createHashRouter> | undefined

/**
 * The app's router, made on first use: the app makes it after the start questions (startQueries.ts), so an
 * address the start already settled (skipStartRedirect) is the one it reads.
 */
export function appRouter(): ReturnType<typeof createHashRouter> {
  router ??= createRouter()
  return router
}

const createRouter = (): ReturnType<typeof createHashRouter> =>
  createHashRouter([
    { path: '/', element: <StartRedirect /> },
    { path: '/welcome', element: lazyPage(() => import('../features/welcome/WelcomePage'), 'WelcomePage') },
    {
      element: <AppLayout />,
      children: featureRoutes.map((route) => ({ path: route.path, element: route.element })),
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ])
