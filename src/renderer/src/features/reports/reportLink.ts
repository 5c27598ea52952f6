import { reportRequestSchema, type ReportRequest } from '../../../../shared/api/reports'

// A report to preview travels in the Reports page's address (?request=...), so any page can link to its print
// preview and the preview survives a reload.

export function reportPreviewPath(request: ReportRequest): string {
  return `/reports?${new URLSearchParams({ request: JSON.stringify(request) }).toString()}`
}

/** The request in the address, or null when there is none or it is not a valid one. */
export function requestFromSearch(search: URLSearchParams): ReportRequest | null {
  const raw = search.get('request')
  if (raw === null) return null
  try {
    const parsed = reportRequestSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
