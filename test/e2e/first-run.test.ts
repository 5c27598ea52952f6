import { describe, expect, it } from 'vitest'
import { openApp, useBrowser } from '../harness/browser'
import { foreignText, thaiGlyphReport, visibleUiText } from '../harness/page-text'
import { poll } from '../harness/patience'

const browser = useBrowser()

describe('first run', () => {
  it('shows the welcome screen on a new database, in Thai on a Thai system', async () => {
    const app = await openApp(browser, { systemLocale: 'th-TH' })
    const { page } = app
    await poll(() => Promise.resolve(page.url())).toMatch(/#\/welcome$/) // the step bound, not poll's 1 s
    await page.getByRole('heading', { name: 'ยินดีต้อนรับสู่ Lukkha' }).waitFor()
    await page.getByRole('button', { name: 'ทดลองกับร้านตัวอย่าง' }).waitFor()
    await page.getByRole('button', { name: 'นำเข้าไฟล์จาก POS' }).waitFor()
    expect(foreignText(await visibleUiText(page), 'th')).toEqual([])
    const glyphs = await thaiGlyphReport(page)
    expect(glyphs).toEqual({ sarabunThaiReady: true, notSarabun: [], canvasUsesSarabun: true })
    await app.screenshot('welcome-th')
  })

  it('shows the welcome screen in English on an English system', async () => {
    const app = await openApp(browser, { systemLocale: 'en-US' })
    const { page } = app
    await page.getByRole('heading', { name: 'Welcome to Lukkha' }).waitFor()
    expect(foreignText(await visibleUiText(page), 'en')).toEqual([])
    await app.screenshot('welcome-en')
  })
})
