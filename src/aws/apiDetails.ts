// One deployed API in full (stages, routes, authorizers) and one stage, for the AWS view and for the planner.
import { guarded, requireText } from './guard';
import { getApiSummary, requireKind } from './inventory';
import { getRestStage, restAuthorizers, restRoutes, restStages } from './restDetails';
import type { AwsApiKind, AwsClients, DeployedApiDetails, DeployedApiSummary, DeployedStage } from './types';
import { getV2Stage, v2Authorizers, v2Routes, v2Stages } from './v2Details';

/** An API as the view knows it (a summary from listApis), or only its kind and id (the summary is then fetched). */
export type ApiRef = DeployedApiSummary | { kind: AwsApiKind; id: string };

async function summaryOf(clients: AwsClients, api: ApiRef): Promise<DeployedApiSummary> {
  return 'name' in api ? api : getApiSummary(clients, api.kind, api.id);
}

/** The stages, routes and authorizers of an API; the three lists are read at the same time. */
export async function getApiDetails(clients: AwsClients, api: ApiRef): Promise<DeployedApiDetails> {
  requireKind(api.kind, 'GetApiDetails');
  requireText(api.id, 'An API id', 'GetApiDetails');
  const summary = await summaryOf(clients, api);
  return guarded(clients, async () => {
    if (summary.kind === 'REST') {
      const [stages, routes, authorizers] = await Promise.all([
        restStages(clients, summary.id),
        restRoutes(clients, summary.id),
        restAuthorizers(clients, summary.id),
      ]);
      return { api: summary, stages, routes, authorizers };
    }
    const v2 = {
      id: summary.id,
      kind: summary.kind,
      ...(summary.apiEndpoint ? { apiEndpoint: summary.apiEndpoint } : {}),
    };
    const [stages, routes, authorizers] = await Promise.all([
      v2Stages(clients, v2),
      v2Routes(clients, summary.id),
      v2Authorizers(clients, summary.id),
    ]);
    return { api: summary, stages, routes, authorizers };
  });
}

/** One stage of an API (GetStage), with its invoke URL and deployment. */
export async function getStage(clients: AwsClients, api: ApiRef, stageName: string): Promise<DeployedStage> {
  requireKind(api.kind, 'GetStage');
  requireText(api.id, 'An API id', 'GetStage');
  requireText(stageName, 'A stage name', 'GetStage');
  if (api.kind === 'REST') return guarded(clients, () => getRestStage(clients, api.id, stageName));
  // The invoke URL of an HTTP or WebSocket stage starts with the API's endpoint.
  const summary = await summaryOf(clients, api);
  const v2 = {
    id: summary.id,
    kind: summary.kind,
    ...(summary.apiEndpoint ? { apiEndpoint: summary.apiEndpoint } : {}),
  };
  return guarded(clients, () => getV2Stage(clients, v2, stageName));
}
