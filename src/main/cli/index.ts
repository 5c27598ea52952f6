import { pathToFileURL } from 'node:url'
import { Command } from 'commander'
import { registerExport } from './commands/export'
import { registerImport } from './commands/import'
import { registerImports } from './commands/imports'
import { registerDemo } from './commands/demo'
import { registerAnalyze } from './commands/analyze'
import { registerBackup } from './commands/backup'
import { registerChurn } from './commands/churn'
import { registerClv } from './commands/clv'
import { registerCohorts } from './commands/cohorts'
import { registerInit } from './commands/init'
import { registerRfm } from './commands/rfm'
import { registerStats } from './commands/stats'
import { registerReport } from './commands/report'
import { registerCustomers } from './commands/customers'
import { registerSurveys } from './commands/surveys'
import { registerBasket } from './commands/basket'
import { registerCampaign } from './commands/campaign'
import { reportError } from './output'

// The command line over the same engine as the app: `npm run --silent cli -- <command> [options]`.
// Each feature registers its commands in ./commands.

export function buildProgram(): Command {
  const program = new Command()
    .name('lukkha')
    .description('Lukkha, the shop CRM, from the command line')
    .showHelpAfterError()
    .exitOverride()
  registerInit(program)
  registerStats(program)
  registerImport(program)
  registerImports(program)
  registerExport(program)
  registerDemo(program)
  registerRfm(program)
  registerClv(program)
  registerCohorts(program)
  registerAnalyze(program)
  registerChurn(program)
  registerReport(program)
  registerBackup(program)
  registerCustomers(program)
  registerSurveys(program)
  registerBasket(program)
  registerCampaign(program)
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0
    if (typeof code === 'string' && code.startsWith('commander.')) return 2 // commander already said why
    return reportError(error)
  }
}

if (
  import.meta.url === pathToFileURL(process.argv[1] ?? '').href ||
  process.argv[1]?.endsWith('src/main/cli/index.ts')
) {
  // `lukkha rfm | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
