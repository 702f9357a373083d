/**
 * The commands whose behaviour lives in a feature bundle. They are registered at activation (so every
 * contributed command exists at once) and load their bundle on first run; each feature returns a command for
 * every id of its list (the types check it, lazyCommands too at run time).
 */
export const featureCommandIds = {
  mock: [
    'apigw.startMock',
    'apigw.stopMock',
    'apigw.manageMock',
    'apigw.invokeRoute',
    'apigw.invokeRouteOnAws',
    'apigw.showMockMetrics',
  ],
  preview: ['apigw.previewTemplate'],
  'aws-ui': [
    'apigw.chooseAwsProfile',
    'apigw.chooseAwsRegion',
    'apigw.refreshAwsApis',
    'apigw.loadMoreAwsApis',
    'apigw.copyInvokeUrl',
    'apigw.openInvokeUrl',
    'apigw.exportApi',
    'apigw.deleteStage',
    'apigw.tailStageLogs',
    'apigw.showRequestLogs',
    'apigw.editStageLogging',
    'apigw.rollBackStage',
    'apigw.deployCanary',
    'apigw.promoteCanary',
    'apigw.cancelCanary',
    'apigw.openStageDashboard',
    'apigw.mapStageToCustomDomain',
    'apigw.copyCustomDomainUrl',
    'apigw.openCustomDomainUrl',
    'apigw.deployApi',
    'apigw.compareWithDeployed',
    'apigw.estimateCost',
    'apigw.estimateStageCost',
  ],
} as const;

export type FeatureCommandId<F extends keyof typeof featureCommandIds> = (typeof featureCommandIds)[F][number];

/**
 * A feature's commands by id, checked against its list: a command missing from the feature, or one the list
 * does not name (it would never be registered), is a bug found the first time the feature loads.
 */
export function commandTable<F extends keyof typeof featureCommandIds, C extends { readonly id: string }>(
  feature: F,
  commands: readonly C[],
): Record<FeatureCommandId<F>, C> {
  const table = new Map(commands.map((c) => [c.id, c]));
  const ids: readonly string[] = featureCommandIds[feature];
  const missing = ids.filter((id) => !table.has(id));
  const unlisted = [...table.keys()].filter((id) => !ids.includes(id));
  if (missing.length > 0 || unlisted.length > 0 || table.size !== commands.length) {
    throw new Error(`The ${feature} commands do not match featureCommandIds: ${[...missing, ...unlisted].join(', ')}`);
  }
  return Object.fromEntries(table) as Record<FeatureCommandId<F>, C>;
}
