import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { PageLoader } from '../components/PageLoader'

/**
 * A page loaded on first visit: its code (and libraries only it uses, such as chart.js) lives in a chunk of
 * its own, so the first screen does not wait for every page. Use it as a route's `element`:
 * `element: lazyPage(() => import('./CustomersPage'), 'CustomersPage')`.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ReactNode {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => {
    const module: Record<Name, ComponentType> = await load()
    const component: ComponentType = module[name]
    return { default: component }
  })
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  )
}
