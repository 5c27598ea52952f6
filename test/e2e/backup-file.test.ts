import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'

// "Back up to a file…" on the Backups page, through the harness: the harness's save dialog stand-in answers
// a file beside the database (the path never comes from the page); the page follows the backup job and says
// where the checked copy is. Closing the dialog shows nothing wrong. Thai, then English, at 1366x768.

function intact(file: string): { check: string; customers: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return {
      check: String(db.pragma('integrity_check', { simple: true })),
      customers: Number(db.prepare('select count(*) from customers').pluck().get()),
    }
  } finally {
    db.close()
  }
}

const browser = useBrowser()

describe('backup to a file the user chooses', () => {
  it('saves a checked copy where the dialog says and shows where (th, en); a closed dialog is no error', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    const { page, harness } = app
    const saved = join(dirname(harness.ctx.connection.file), 'saved')
    const customers = Number(
      harness.ctx.connection.sqlite.prepare('select count(*) from customers').pluck().get(),
    )
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor()
    await page.getByRole('link', { name: 'สำรองข้อมูล' }).click()
    await page.getByRole('heading', { name: 'สำรองข้อมูล', level: 2 }).waitFor()

    await page.getByRole('button', { name: 'สำรองข้อมูลลงไฟล์…' }).click()
    await page.getByTestId('file-backed-up').waitFor()
    const shown = (await page.getByTestId('file-backup-path').innerText()).trim()
    expect(dirname(shown)).toBe(saved)
    expect(shown).toMatch(/lukkha-backup-\d{4}-\d{2}-\d{2}\.db$/)
    expect(intact(shown)).toEqual({ check: 'ok', customers })
    expect(readdirSync(saved)).toEqual([shown.split('/').pop()]) // nothing partial beside it
    await page.getByText('บันทึกข้อมูลสำรองและตรวจสอบแล้ว').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('backup-file-th')

    // the user closes the dialog: no error, no job, nothing new on the page
    let asked: () => void = () => undefined
    const dialogShown = new Promise<void>((resolve) => (asked = resolve))
    harness.ctx.chooseSaveFile = () => {
      asked()
      return Promise.resolve(null)
    }
    const jobs = harness.ctx.jobs.list().length
    const alerts = await page.getByRole('alert').count()
    await page.getByRole('button', { name: 'สำรองข้อมูลลงไฟล์…' }).click()
    await dialogShown
    await expect.poll(() => page.getByTestId('backup-to-file').getAttribute('data-loading')).toBeNull()
    expect(harness.ctx.jobs.list()).toHaveLength(jobs)
    expect(await page.getByRole('alert').count()).toBe(alerts)
    await page.getByTestId('file-backed-up').waitFor() // the last saved file is still what the page says

    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor()
    const english = join(saved, 'english.db')
    harness.ctx.chooseSaveFile = () => Promise.resolve(english)
    await page.getByRole('button', { name: 'Back up to a file…' }).click()
    await page.getByTestId('file-backed-up').waitFor()
    expect((await page.getByTestId('file-backup-path').innerText()).trim()).toBe(english)
    expect(existsSync(english)).toBe(true)
    expect(intact(english)).toEqual({ check: 'ok', customers })
    await page.getByText('Backup saved and checked').waitFor()
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await app.screenshot('backup-file-en')

    // a file that cannot be written: a coded error in the page's language, and no file
    harness.ctx.chooseSaveFile = () => Promise.resolve(join(saved, 'missing folder', 'x.db'))
    await page.getByRole('button', { name: 'Back up to a file…' }).click()
    await page.getByText(/The backup could not be made|Lukkha cannot write here/).waitFor()
    expect(existsSync(join(saved, 'missing folder'))).toBe(false)
    await app.screenshot('backup-file-error-en')
  })
})
