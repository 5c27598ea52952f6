import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { surveysContract } from '../../shared/api/surveys'
import { analyseSurveys } from '../surveys/analysis'
import { exportResponses } from '../surveys/export'
import { closeFollowUp, followUpsWithRecovery } from '../surveys/followups'
import { previewSurveyFile } from '../surveys/import'
import { surveyImportJob } from '../surveys/import-job'
import { findPurchase, recordResponse } from '../surveys/responses'
import { currentSurvey, saveSurvey } from '../surveys/templates'
import type { Handlers } from './handler'

/** The file crosses as bytes: main writes it to a folder of its own for the readers, then removes it. */
async function withUploadedFile<T>(
  fileName: string,
  base64: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lukkha-survey-import-'))
  try {
    const path = join(dir, 'upload')
    await writeFile(path, Buffer.from(base64, 'base64'))
    return await work(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export const surveysHandlers: Handlers<typeof surveysContract> = {
  surveysTemplate: (_input, ctx) => currentSurvey(ctx.db),
  surveysSaveTemplate: (input, ctx) => saveSurvey(ctx.db, input),
  surveysFindPurchase: (input, ctx) => findPurchase(ctx.db, input.query),
  surveysRecord: (input, ctx) => recordResponse(ctx.db, input),
  surveysAnalysis: (input, ctx) => analyseSurveys(ctx.db, { from: input?.from, to: input?.to }),
  surveysFollowUps: (input, ctx) => followUpsWithRecovery(ctx.db, input.status),
  surveysCloseFollowUp: (input, ctx) => closeFollowUp(ctx.db, input, ctx.now()),
  surveysImportPreview: (input) =>
    withUploadedFile(input.fileName, input.base64, (path) => previewSurveyFile(path, input.fileName)),
  surveysStartImport: ({ fileName, base64, mapping }, ctx) => ({
    jobId: ctx.jobs.start(surveyImportJob, {
      db: ctx.db,
      dbFile: ctx.connection.file,
      fileName,
      bytes: Buffer.from(base64, 'base64'),
      mapping,
    }),
  }),
  surveysExport: ({ from, to, valueLabels, ...options }, ctx) =>
    exportResponses(ctx.db, options, { from, to }, valueLabels),
}
