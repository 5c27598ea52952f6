export { renderReport } from './render'
export { customerIdsByCode } from './contacts'
export type { ReportPrinter } from './printer'
