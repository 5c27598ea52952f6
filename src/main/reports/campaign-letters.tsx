/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import { getCampaign, reachableMembers } from '../campaigns'
import type { Database } from '../db/schema'
import { getSettings } from '../settings'
import type { BuiltReport, ReportEnv } from './env'

// Letters (one page per contacted customer with marketing consent) and address labels (3 across, for those
// with a postal address) for a campaign. The campaign's message may hold {{name}} for the customer's name;
// it is text, escaped like every value (never markup).

const letterStyle = { minHeight: '200mm', fontSize: '12pt', lineHeight: 1.6 } as const
const labelGrid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(3, 1fr)',
  gap: '3mm',
} as const
const labelStyle = {
  border: '0.2mm dashed #999',
  height: '33mm',
  padding: '3mm',
  overflow: 'hidden',
  breakInside: 'avoid',
  fontSize: '11pt',
  lineHeight: 1.35,
} as const

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '')
}

export async function campaignLettersReport(
  db: Kysely<Database>,
  env: ReportEnv,
  id: number,
): Promise<BuiltReport> {
  const { t, date } = env
  const campaign = await getCampaign(db, id)
  const members = await reachableMembers(db, id)
  const settings = await getSettings(db, env.language === 'th' ? 'th-TH' : 'en-US')
  const message = campaign.message.trim() || t('campaign.defaultMessage')
  return {
    title: t('campaign.lettersTitle', { name: campaign.name }),
    asOf: null,
    orientation: 'portrait',
    fileStem: `campaign-${id}-letters`,
    body: (
      <>
        {members.length === 0 ? <p className="note">{t('campaign.noLetters')}</p> : null}
        {members.map((m, i) => (
          <section key={m.customerId} className={i === 0 ? undefined : 'page-break'} style={letterStyle}>
            <p style={{ textAlign: 'right' }}>{date(campaign.windowStart)}</p>
            <p>
              <strong>{m.name}</strong>
              {lines(m.address ?? '').map((l, k) => (
                <span key={k}>
                  <br />
                  {l}
                </span>
              ))}
            </p>
            <p>{t('campaign.dear', { name: m.name })}</p>
            {lines(message.replace(/\{\{\s*(name|ชื่อ)\s*\}\}/g, () => m.name)).map((l, k) => (
              <p key={k}>{l}</p>
            ))}
            <p style={{ marginTop: '12mm' }}>{t('campaign.regards')}</p>
            <p>{settings.shopName}</p>
          </section>
        ))}
      </>
    ),
  }
}

export async function campaignLabelsReport(
  db: Kysely<Database>,
  env: ReportEnv,
  id: number,
): Promise<BuiltReport> {
  const { t, number } = env
  const campaign = await getCampaign(db, id)
  const members = (await reachableMembers(db, id)).filter((m) => (m.address ?? '').trim() !== '')
  return {
    title: t('campaign.labelsTitle', { name: campaign.name }),
    asOf: null,
    orientation: 'portrait',
    fileStem: `campaign-${id}-labels`,
    body: (
      <>
        <p className="note">{t('campaign.labelsNote', { count: number(members.length) })}</p>
        <div style={labelGrid}>
          {members.map((m) => (
            <div key={m.customerId} style={labelStyle}>
              <strong>{t('campaign.addressee', { name: m.name })}</strong>
              {lines(m.address ?? '').map((l, k) => (
                <div key={k}>{l}</div>
              ))}
            </div>
          ))}
        </div>
      </>
    ),
  }
}
