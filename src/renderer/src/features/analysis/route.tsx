import type { FeatureRoute } from '../../app/featureRoute'
import { lazyPage } from '../../app/lazyPage'

// The analysis pages, each its own menu entry so a shop owner finds "my best customers" and "who is slipping
// away" from the menu. They share one chunk's code (AnalysisFrame) and one stored run.

export const segmentsRoute: FeatureRoute = {
  id: 'segments',
  path: 'segments',
  element: lazyPage(() => import('./SegmentsPage'), 'SegmentsPage'),
}

export const bestCustomersRoute: FeatureRoute = {
  id: 'bestCustomers',
  path: 'best-customers',
  element: lazyPage(() => import('./BestCustomersPage'), 'BestCustomersPage'),
}

export const slippingRoute: FeatureRoute = {
  id: 'slipping',
  path: 'slipping-away',
  element: lazyPage(() => import('./SlippingAwayPage'), 'SlippingAwayPage'),
}

export const cohortsRoute: FeatureRoute = {
  id: 'cohorts',
  path: 'cohorts',
  element: lazyPage(() => import('./CohortsPage'), 'CohortsPage'),
}
