// The API's method names and channels WITHOUT zod, for the preload (a sandboxed preload bundles everything
// it imports: importing the contract would ship zod and every schema to it). index.ts checks at compile time
// that this list is exactly the contract's keys: a method added to a contract file must be added here too
// (one line, in its domain's group).

export const methodNames = [
  // system
  'getStats',
  'getAppInfo',
  'getShopStatus',
  // import
  'importUploadBegin',
  'importUploadChunk',
  'importPreview',
  'startImport',
  'importRejectedRows',
  'importDiscard',
  'importHistory',
  'importUndo',
  'importMergeSuggestions',
  'importTemplate',
  // settings
  'getSettings',
  'updateSettings',
  'setLogo',
  'clearLogo',
  // dashboard
  'getDashboard',
  'getDashboardKpis',
  'getDashboardMonthlyRevenue',
  'getDashboardTopProducts',
  'getSalesPeriod',
  // retention (growth branch)
  'getRetentionList',
  'exportRetentionList',
  'getSecondPurchase',
  'getChurnByMonth',
  'getAtRiskCard',
  'getNewCustomersCard',
  'getSecondPurchaseCard',
  // growth
  'getAcquisition',
  'getRevenueGrowth',
  'getReferralSummary',
  // demo
  'loadDemo',
  // analysis
  'startAnalysis',
  'listAnalysisRuns',
  'getAnalysisRun',
  'getSegmentsOverview',
  'listSegmentCustomers',
  'getValueOverview',
  'getCustomerAnalysis',
  'getCustomerScoreHistory',
  'getCohorts',
  'getSegmentMigration',
  'getSegmentRules',
  'updateSegmentRules',
  'resetSegmentRules',
  // jobs
  'getJob',
  'cancelJob',
  'listJobs',
  // lists (export of any customer list)
  'exportCustomerList',
  // customers
  'customersList',
  'customersSearch',
  'customersFacets',
  'customerProfile',
  'customerCreate',
  'customerUpdate',
  'customerDelete',
  'customersTag',
  'customersExport',
  'interactionLog',
  'taskCreate',
  'taskSetStatus',
  'tasksDue',
  'consentRecord',
  'customersDuplicates',
  'customersMerge',
  'customersMergeUndo',
  'customersMerges',
  'customerSubjectExport',
  'customerErase',
  'subjectRequestLog',
  'subjectRequestsOpen',
  'subjectRequestsClosed',
  'subjectRequestClose',
  // backup and recovery
  'getHealth',
  'listBackups',
  'startBackup',
  'startBackupToFile',
  'startRestore',
  'exportReadable',
  'startFresh',
  // surveys
  'surveysTemplate',
  'surveysSaveTemplate',
  'surveysFindPurchase',
  'surveysRecord',
  'surveysAnalysis',
  'surveysFollowUps',
  'surveysCloseFollowUp',
  'surveysImportPreview',
  'surveysStartImport',
  'surveysExport',
  // products and baskets
  'startBasketRules',
  'getProductsOverview',
  'getBasketRules',
  'getBoughtTogether',
  'getCustomerSuggestions',
  'searchSuggestionCustomers',
  'getBasketTargetList',
  'exportBasketTargetList',
  // campaigns
  'listCampaigns',
  'getCampaign',
  'createCampaign',
  'deleteCampaign',
  'previewCampaignTarget',
  'listCampaignMembers',
  'exportCampaignList',
  'getCampaignResults',
  'listSavedFilters',
  'saveCustomerFilter',
  'deleteSavedFilter',
  // reports
  'renderReport',
  'saveReportPdf',
  'printReport',
] as const

export type MethodName = (typeof methodNames)[number]

export const ipcChannel = (method: MethodName): string => `lukkha:${method}`

/** The one channel of main -> renderer events (src/shared/events.ts describes them). */
export const eventChannel = 'lukkha:event'
