// The survey-import-worker thread (a named entry, src/main/jobs/entries.ts): reads, checks and stores one
// survey answers file as a job (serveJob: progress, cancel, the result or the error) on its own connection.
import { serveJob } from '../jobs/worker-side'
import { importOnOwnConnection, type SurveyImportWorkerInput } from './import-job'

serveJob((input: SurveyImportWorkerInput, job) => importOnOwnConnection(input, job))
