import { useMutation, useQuery } from '@tanstack/react-query'
import type { ReportRequest } from '../../../../shared/api/reports'
import { call } from '../../api/client'
import { bytesOfBase64, saveBlob } from '../../api/download'

export const reportKeys = {
  all: ['reports'] as const,
  rendered: (request: ReportRequest) => ['reports', 'rendered', request] as const,
}

/** The report's page as the printer will get it (never cached: it states the print date and fresh data). */
export function useRenderedReport(request: ReportRequest | null) {
  return useQuery({
    queryKey: reportKeys.rendered(request ?? { report: 'segments' }),
    queryFn: () => call('renderReport', request ?? { report: 'segments' }),
    enabled: request !== null,
    gcTime: 0,
  })
}

export function useSaveReportPdf() {
  return useMutation({
    mutationFn: (request: ReportRequest) => call('saveReportPdf', request),
    onSuccess: ({ fileName, base64 }) =>
      saveBlob(fileName, new Blob([bytesOfBase64(base64)], { type: 'application/pdf' })),
  })
}

export function usePrintReport() {
  return useMutation({ mutationFn: (request: ReportRequest) => call('printReport', request) })
}
