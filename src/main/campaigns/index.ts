export {
  campaignStatus,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  salesAsOf,
} from './campaigns'
export { drawHoldout, holdoutSize, seededRandom } from './draw'
export { exportCampaignList, reachableMembers } from './export'
export { campaignMembers, campaignResults } from './results'
export { deleteSavedFilter, getSavedFilter, listSavedFilters, saveFilter } from './saved-filters'
export { groupFigures, meanLift, proportionLift, Z95 } from './stats'
export { consentCounts, resolveTarget } from './targets'
