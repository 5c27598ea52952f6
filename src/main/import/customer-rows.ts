import type { FieldName } from '../../shared/api/import'
import type { CustomerRow, RowIssue } from './types'

import { RowReader, type Mapped } from './row-reader'

// A customer export's row -> one customer, or the reasons it cannot be used.
export class CustomerRowReader extends RowReader {
  private optionalDate(row: string[], rowNo: number, field: FieldName, errors: RowIssue[]): string | null {
    const raw = this.get(row, field)
    if (raw === '') return null
    const parsed = this.date(raw)
    if (parsed === null) errors.push(this.issue(rowNo, field, raw, 'bad_date', this.dateMessage(raw)))
    return parsed === null ? null : parsed.slice(0, 10)
  }

  read(row: string[], rowNo: number): Mapped<CustomerRow> {
    const errors: RowIssue[] = []
    const warnings: RowIssue[] = []
    if (this.context.checkText) this.badText(row, rowNo, errors)
    this.shortRow(row, rowNo, warnings)
    const birthday = this.optionalDate(row, rowNo, 'birthday', errors)
    const firstVisit = this.optionalDate(row, rowNo, 'first_visit', errors)
    const lastVisit = this.optionalDate(row, rowNo, 'last_visit', errors)
    const identity = this.identity(row, rowNo, warnings)
    if (identity === null && errors.length === 0) {
      errors.push(
        this.issue(
          rowNo,
          'customer_name',
          '',
          'missing_value',
          'the row has no customer code, name, phone or e-mail',
        ),
      )
    }
    if (errors.length > 0 || identity === null)
      return { ok: false, errors, warnings: warnings.length ? warnings : null }
    return {
      ok: true,
      value: { row: rowNo, identity, birthday, firstVisit, lastVisit },
      warnings: warnings.length ? warnings : null,
    }
  }
}
