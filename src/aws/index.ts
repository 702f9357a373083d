// The facade of src/aws, and the entry of dist/aws.js: the extension and the CLI load this bundle with require()
// on first use (see loadAws in each), so the AWS SDK costs nothing until an AWS feature is used.
export type * from './types';
export { AwsError } from './types';
// Credentials and place: profiles of the shared files, the clients of a place.
export { listProfiles, profileRegion, type ProfileFiles } from './profiles';
export { createClients, destroyClients, type ClientOptions } from './clients';
// Failures told for people.
export { describeProblem, toAwsError, type ProblemContext } from './problems';
export { contextOf as problemContextOf } from './guard';
export { operationOf } from './operationTag';
// What is deployed: the AWS view.
export { paginate, collect } from './paginate';
export { listApis, listRestApis, listV2Apis, getApiSummary, deleteStage, whoAmI } from './inventory';
export { getApiDetails, getStage, type ApiRef } from './apiDetails';
export { invokeUrlOf, executeApiHost, apiEndpointOf } from './invokeUrls';
// Custom domain names: listing them with their mappings, a stage's URLs on them, mapping a stage (plan, then create).
export type * from './domains/types';
export { listCustomDomains, normalBasePath } from './domains/listDomains';
export { customDomainUrl, customDomainUrlsOf } from './domains/domainUrls';
export { planStageMapping, formatStageMappingPlan, checkBasePath } from './domains/planMapping';
export { createStageMapping } from './domains/createMapping';
// Export a deployed API as OpenAPI.
export { exportApi, restExportExtensions, type ExportOptions } from './exportApi';
// Invoke a route on AWS.
export {
  testInvokeMethod,
  invokeHttpRoute,
  signingCredentialsOf,
  logSteps,
  type TestInvokeInput,
  type HttpInvokeRequest,
  type InvokeResult,
  type LogStep,
} from './invoke';
export { signRequest, type SigningCredentials, type SigningOptions, type RequestToSign } from './sigv4';
// Cost estimate: API Gateway's prices for a region from the AWS Price List API (the table and maths: src/model/cost).
export { fetchPriceTable } from './pricing/fetchPrices';
export { parsePriceList, PRICE_LIST_SOURCE } from './pricing/priceList';
// Deploy: what a definition sends, what is deployed, the plan and applying it, import findings, drift.
export type * from './deploy/types';
export { prepareDeploySource, MAX_IMPORT_BYTES, type PrepareOptions, type PrepareResult } from './deploy/source';
export { partitionOf, type PseudoValues } from './deploy/intrinsicValues';
export { normalizeDefinition, normalizedText, guessKind } from './deploy/normalize';
export { canonicalJson } from './deploy/normalizeParts';
export { shapeFromDocument } from './deploy/shape';
export { diffShapes } from './deploy/diffShapes';
export { planDeploy, type DeployedState } from './deploy/planner';
export { checkDeployTarget } from './deploy/targetChecks';
export { formatPlan } from './deploy/formatPlan';
export { readDeployed, type DeployedApi, type ReadDeployedOptions } from './deploy/fetchDeployed';
export { applyPlan } from './deploy/apply';
export { importFindings, importErrorCode, importWarningCode, importInfoCode } from './deploy/importFindings';
export { compareWithDeployed, compareWebSocketWithDeployed, parseExport, type DriftResult } from './deploy/drift';
export { readDrift, type DriftTarget } from './deploy/readDrift';
// Operate: a stage's logging settings (plan, then apply), its deployment history, rollback and canary.
export type * from './stageSettings/types';
export { accessLogFormat, accessLogFormatProblem, accessLogPresets, presetOf } from './stageSettings/accessLogFormats';
export { defaultAccessLogGroup, logGroupArn, parseDestination } from './stageSettings/destination';
export { planStageLogging, cloudWatchRoleHelp, stackTag } from './stageSettings/planner';
export { readStageLogging, existingLogGroups } from './stageSettings/readSettings';
export { applyStageSettings } from './stageSettings/apply';
export { formatStageSettingsPlan } from './stageSettings/formatPlan';
export type * from './deployments/types';
export { listStageDeployments, canaryOf } from './deployments/history';
export { canaryRequestProblem, promoteOperations, cancelOperations } from './deployments/canaryOperations';
export { rollbackStage, deployCanary, promoteCanary, cancelCanary } from './deployments/stageChanges';
// Operate: a stage's CloudWatch metrics (the stage dashboard, apigw metrics).
export { getStageMetrics, type StageMetricsRequest } from './metrics/stageMetrics';
export { metricsOf, type MetricSpec } from './metrics/catalogue';
export { metricWindows, parseDuration, choosePeriod, periodProblem, describeWindow } from './metrics/window';
// Operate: a stage's logs (which log groups, tailing with Live Tail or FilterLogEvents polling).
export type * from './logs/types';
export {
  readStageLogGroups,
  restStageLogGroups,
  v2StageLogGroups,
  logGroupToTail,
  executionLogGroupName,
  missingLogGroupHint,
} from './logs/stageLogGroups';
export { logGroupNameOfArn } from './logs/logGroupArn';
export { tailLogs, type TailOptions } from './logs/tailLogs';
export { findLogGroup, type LogGroupRef } from './logs/findLogGroup';
export { checkFilter, filterPatternOf, matchesFilter, type LogFilter } from './logs/logFilter';
export { parseSince } from './logs/since';
