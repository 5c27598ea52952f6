import { describe, expect, it } from 'vitest'
import { takeBackup } from '../../src/main/backup/store'
import { createApiContext } from '../../src/main/app-context'
import { createDemoShop } from '../../src/main/demo'
import { localToday } from '../../src/shared/calendar'
import { damageMiddlePage } from '../helpers/db'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, visibleUiText } from '../harness/page-text'
import { STEP_TIMEOUT } from '../harness/patience'

const browser = useBrowser()

/** A demo shop with a verified backup, then 4 KB of noise over a page in the middle of the file. */
async function damagedShop(dbFile: string): Promise<void> {
  const ctx = await createApiContext({
    dbFile,
    appVersion: 'e2e',
    systemLocale: 'th-TH',
    now: () => new Date(),
  })
  await createDemoShop(ctx.connection.sqlite, { seed: 2567, endDate: localToday(new Date()) })
  for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId)
  await takeBackup(ctx.connection.sqlite, dbFile, 'manual', new Date())
  await ctx.close()
  damageMiddlePage(dbFile)
}

describe('backups and recovery', () => {
  it('the backups page lists backups, backs up now and restores with an undo point (th, en)', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', demo: true })
    const { page } = app
    await page.getByRole('heading', { name: 'ภาพรวม' }).waitFor()
    await page.getByRole('link', { name: 'สำรองข้อมูล' }).click()
    await page.getByRole('heading', { name: 'สำรองข้อมูล', level: 2 }).waitFor()
    await page.getByTestId('backup-now').click()
    await page.getByTestId('backed-up').waitFor()
    await expect.poll(() => page.locator('[data-backup-id]').count()).toBeGreaterThanOrEqual(2)
    const when = await page.locator('[data-backup-id] td').first().innerText()
    expect(when).toMatch(/25\d\d \d\d:\d\d$/) // Buddhist era, the setting's calendar
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('backups-th')

    await page.locator('[data-backup-id]').first().getByRole('button', { name: 'กู้คืน' }).click()
    await page.getByTestId('confirm-restore').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('backups-confirm-th')
    await page.getByTestId('confirm-restore').click()
    await page.getByTestId('restored').waitFor()
    await expect.poll(() => page.getByText('ก่อนกู้คืน (จุดย้อนกลับ)').count()).toBeGreaterThan(0)

    await page.getByRole('link', { name: 'ตั้งค่า' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor()
    await page.locator('[data-backup-id]').first().waitFor()
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await app.screenshot('backups-en')
  })

  it('a damaged database opens on the recovery screen, and restoring the latest backup brings the shop back (th, en)', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH', before: damagedShop })
    const { page } = app
    await page.getByTestId('recovery-screen').waitFor()
    await page.getByRole('heading', { name: 'ฐานข้อมูลของร้านเสียหาย' }).waitFor()
    await page.getByTestId('latest-backup').waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    await app.screenshot('recovery-th')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Your shop’s database is damaged' }).waitFor()
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await app.screenshot('recovery-en')

    const download = page.waitForEvent('download')
    await page.getByTestId('salvage-customers').click()
    expect((await download).suggestedFilename()).toMatch(/\.csv$/)
    await page.getByText(/rows saved; \d+ could not be read\./).waitFor()

    await page.getByTestId('restore-latest').click()
    await page.getByTestId('confirm-restore').click()
    // the restored shop opens: the recovery screen gives way to the app
    await page.getByRole('navigation').waitFor({ timeout: STEP_TIMEOUT })
    expect(await page.getByTestId('recovery-screen').count()).toBe(0)
    expect(app.harness.ctx.health?.status).toBe('ok')
  })
})
