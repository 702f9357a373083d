// What is deployed in a place, for the AWS view: the APIs (REST, then HTTP and WebSocket), one API's summary, the
// caller's identity, and deleting a stage. Lists are async generators over every page.
import { DeleteStageCommand, GetRestApiCommand, GetRestApisCommand, type RestApi } from '@aws-sdk/client-api-gateway';
import {
  DeleteStageCommand as DeleteV2StageCommand,
  GetApiCommand,
  GetApisCommand,
  type Api,
} from '@aws-sdk/client-apigatewayv2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { badInput, guarded, guardedItems, requireText } from './guard';
import { paginate } from './paginate';
import type { AwsApiKind, AwsCallerIdentity, AwsClients, DeployedApiSummary } from './types';

/** GetRestApis takes at most 500 per page. */
const restPageSize = 500;

const apiKinds: readonly AwsApiKind[] = ['REST', 'HTTP', 'WEBSOCKET'];

export function requireKind(kind: AwsApiKind, operation?: string): AwsApiKind {
  if (!apiKinds.includes(kind)) {
    throw badInput(`'${String(kind)}' is not an API kind: expected REST, HTTP or WEBSOCKET.`, operation);
  }
  return kind;
}

export function restSummary(api: RestApi): DeployedApiSummary {
  return {
    id: api.id ?? '',
    name: api.name ?? api.id ?? '',
    kind: 'REST',
    ...(api.description ? { description: api.description } : {}),
    ...(api.endpointConfiguration?.types ? { endpointTypes: [...api.endpointConfiguration.types] } : {}),
    ...(api.createdDate ? { createdDate: api.createdDate } : {}),
    ...(api.version ? { version: api.version } : {}),
  };
}

export function v2Summary(api: Partial<Api>): DeployedApiSummary {
  return {
    id: api.ApiId ?? '',
    name: api.Name ?? api.ApiId ?? '',
    kind: api.ProtocolType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP',
    ...(api.Description ? { description: api.Description } : {}),
    ...(api.ApiEndpoint ? { apiEndpoint: api.ApiEndpoint } : {}),
    ...(api.CreatedDate ? { createdDate: api.CreatedDate } : {}),
    ...(api.Version ? { version: api.Version } : {}),
  };
}

/** The REST APIs of the place, page by page. */
export function listRestApis(clients: AwsClients): AsyncGenerator<DeployedApiSummary, void, undefined> {
  const pages = paginate(
    (position) => clients.rest.send(new GetRestApisCommand({ limit: restPageSize, ...(position ? { position } : {}) })),
    (page) => page.items?.map(restSummary),
    (page) => page.position,
  );
  return guardedItems(clients, pages);
}

/** The HTTP and WebSocket APIs of the place, page by page. */
export function listV2Apis(clients: AwsClients): AsyncGenerator<DeployedApiSummary, void, undefined> {
  const pages = paginate(
    (token) => clients.v2.send(new GetApisCommand(token ? { NextToken: token } : {})),
    (page) => page.Items?.map(v2Summary),
    (page) => page.NextToken,
  );
  return guardedItems(clients, pages);
}

/** Every API of the place: the REST APIs, then the HTTP and WebSocket APIs. */
export async function* listApis(clients: AwsClients): AsyncGenerator<DeployedApiSummary, void, undefined> {
  yield* listRestApis(clients);
  yield* listV2Apis(clients);
}

/** One API's summary (GetRestApi / GetApi). */
export async function getApiSummary(clients: AwsClients, kind: AwsApiKind, apiId: string): Promise<DeployedApiSummary> {
  const operation = kind === 'REST' ? 'GetRestApi' : 'GetApi';
  requireKind(kind, operation);
  requireText(apiId, 'An API id', operation);
  return await guarded(clients, async () => {
    if (kind === 'REST') return restSummary(await clients.rest.send(new GetRestApiCommand({ restApiId: apiId })));
    const api = v2Summary(await clients.v2.send(new GetApiCommand({ ApiId: apiId })));
    if (api.kind !== kind) {
      throw badInput(`API ${apiId} is a ${api.kind} API, not a ${kind} API.`, operation);
    }
    return api;
  });
}

/** Deletes a stage. Whoever calls this has asked the user first: nothing here confirms. */
export async function deleteStage(clients: AwsClients, kind: AwsApiKind, apiId: string, stage: string): Promise<void> {
  requireKind(kind, 'DeleteStage');
  requireText(apiId, 'An API id', 'DeleteStage');
  requireText(stage, 'A stage name', 'DeleteStage');
  return await guarded(clients, async () => {
    if (kind === 'REST') await clients.rest.send(new DeleteStageCommand({ restApiId: apiId, stageName: stage }));
    else await clients.v2.send(new DeleteV2StageCommand({ ApiId: apiId, StageName: stage }));
  });
}

/** Who the credentials belong to (STS GetCallerIdentity): the account id fills `AWS::AccountId`. */
export async function whoAmI(clients: AwsClients): Promise<AwsCallerIdentity> {
  return await guarded(clients, async () => {
    const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? '', arn: identity.Arn ?? '', userId: identity.UserId ?? '' };
  });
}
