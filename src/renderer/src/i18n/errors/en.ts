import type { ErrorCode } from '../../../../shared/result'

// Every error code of src/shared/result.ts as a sentence for a shop owner; {{params}} come with the error.
// The `satisfies` below fails to compile when a code has no sentence.
const codes = {
  validation: 'The request was not valid.',
  not_found: 'It was not found; it may have been deleted.',
  conflict: 'That clashes with what is already stored.',
  bad_input: 'The file or value cannot be used.',
  in_use: 'Another Lukkha window or program is using this database. Close it there, then try again.',
  too_new: 'This database was made by a newer version of Lukkha. Update Lukkha to open it.',
  cancelled: 'Cancelled.',
  internal: 'Something went wrong inside Lukkha. Nothing was half-saved; please try again.',
  file_not_table:
    '“{{file}}” is not a sales table: it is neither a CSV text file nor an Excel workbook (it may be a picture, a PDF or a damaged file). Export the data from your POS as CSV or XLSX and choose that file.',
  file_empty: '“{{file}}” is empty: it has no header row.',
  file_no_sheet: '“{{file}}” has no sheet with data named “{{sheet}}”.',
  file_damaged:
    '“{{file}}” is a damaged workbook and cannot be read. Open it in Excel and save it again, or export it again from the POS. Nothing was stored.',
  file_too_big:
    '“{{file}}” is too large to read safely (limit: {{limit}}). Split it into smaller files, or export a shorter period. Nothing was stored.',
  file_too_slow:
    'Reading “{{file}}” took longer than {{seconds}} seconds, so Lukkha stopped. Save it as CSV and try again. Nothing was stored.',
  file_too_much_memory:
    'Reading “{{file}}” needed more than {{mb}} MB of memory, so Lukkha stopped. Save it as CSV and try again. Nothing was stored.',
  file_incomplete: '“{{file}}” did not arrive completely. Choose it again.',
  mapping_needed: 'Lukkha does not know the columns of “{{file}}” yet. Tell it which column is which.',
  mapping_invalid: 'The column mapping does not fit “{{file}}”: {{detail}}',
  date_order_needed:
    'Every date in “{{file}}” could be day/month/year or month/day/year. Choose which one the file uses.',
  rows_rejected: '{{rows}} rows of “{{file}}” cannot be used, so nothing was stored.',
  import_running: 'An import is running. Try again when it has finished.',
  import_already_undone: 'Import #{{id}} ({{file}}) was already undone.',
  import_nothing_to_undo: 'Import #{{id}} ({{file}}) stored nothing, so there is nothing to undo.',
  import_has_dependents:
    'Import #{{id}} ({{file}}) cannot be undone without losing later data. Undo the later imports first.',
  demo_not_empty:
    'The demo shop can only be loaded into an empty database, and this one already has data. Nothing was changed.',
  no_sales: 'There are no sales to analyse yet. Import sales first.',
  analysis_stale:
    'Customers were deleted or merged while the analysis ran, so nothing was stored. Run the analysis again.',
  disk_full:
    'The disk is full. Nothing was half-saved. Free some space (or choose another drive) and try again.',
  read_only:
    'Lukkha cannot write here: the database or its folder is read-only. You can still look at your data. Nothing was changed.',
  database_corrupt:
    'The database file is damaged. Lukkha has stopped saving to protect what is left. Restore the latest good backup.',
  store_failed: 'A value could not be saved, so nothing was stored. ({{detail}})',
  backup_failed: 'The backup could not be made: {{detail}}',
  backup_not_found: 'There is no backup called “{{name}}”.',
  work_running: 'Other work is running (an import, an analysis or a backup). Try again when it has finished.',
  save_dialog_unavailable:
    'Choosing a file needs the Lukkha window. From the command line, use: lukkha backup --out FILE',
} satisfies Record<ErrorCode, string>

export const en = {
  title: 'That did not work',
  /** Shown under an internal error's sentence: the engine's English text, for whoever helps. */
  technical: 'Details for support: {{detail}}',
  codes,
}
