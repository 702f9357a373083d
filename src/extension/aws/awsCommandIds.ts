/** The "AWS" view of deployed APIs. */
export const awsApisViewId = 'apigw.awsApis';

/** The AWS view's commands (its nodes' clicks, menus and the status item name them). */
export const awsCommandIds = {
  chooseProfile: 'apigw.chooseAwsProfile',
  chooseRegion: 'apigw.chooseAwsRegion',
  refresh: 'apigw.refreshAwsApis',
  loadMore: 'apigw.loadMoreAwsApis',
  copyInvokeUrl: 'apigw.copyInvokeUrl',
  openInvokeUrl: 'apigw.openInvokeUrl',
  exportApi: 'apigw.exportApi',
  deleteStage: 'apigw.deleteStage',
  openStageDashboard: 'apigw.openStageDashboard',
  mapStageToCustomDomain: 'apigw.mapStageToCustomDomain',
  copyCustomDomainUrl: 'apigw.copyCustomDomainUrl',
  openCustomDomainUrl: 'apigw.openCustomDomainUrl',
} as const;
