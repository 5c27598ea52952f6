import { z } from 'zod'

// THE one place the dashboard reads campaigns. The campaigns branch posted its contract on the board
// (listCampaigns({ status: 'open' }) -> { campaigns: CampaignSummary[] }, commit 384a998); it is not on this
// branch, so this reads window.lukkha's method by name and checks the answer against the posted shape: it
// works unchanged once both branches are merged, and says "not available" where there is no such method.
// At the merge it can become typed: replace the body of fetchOpenCampaigns with
//   return (await call('listCampaigns', { status: 'open' })).campaigns

export const openCampaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  channel: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  contacted: z.number().int(),
})
export type OpenCampaign = z.infer<typeof openCampaignSchema>

const answerSchema = z.union([
  z.object({ ok: z.literal(true), data: z.object({ campaigns: z.array(openCampaignSchema) }) }),
  z.object({ ok: z.literal(false), error: z.object({ message: z.string() }) }),
])

/** The open campaigns, or null when this build has no campaigns. */
export async function fetchOpenCampaigns(): Promise<OpenCampaign[] | null> {
  const api = window.lukkha as unknown as Record<string, unknown>
  const list = api.listCampaigns
  if (typeof list !== 'function') return null
  const answer = answerSchema.parse(await (list as (input: unknown) => Promise<unknown>)({ status: 'open' }))
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.data.campaigns
}
