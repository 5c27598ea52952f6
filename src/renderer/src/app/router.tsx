import { createHashRouter, Navigate } from 'react-router'
import { WelcomePage } from '../features/welcome/WelcomePage'
import { AppLayout } from './AppLayout'
import { featureRoutes } from './features'
import { StartRedirect } from './StartRedirect'

// A hash router: the app is loaded from a file:// URL in Electron, where only the hash can change freely.
export const router = createHashRouter([
  { path: '/', element: <StartRedirect /> },
  { path: '/welcome', element: <WelcomePage /> },
  {
    element: <AppLayout />,
    children: featureRoutes.map((route) => ({ path: route.path, element: route.element })),
  },
  { path: '*', element: <Navigate to="/" replace /> },
])
