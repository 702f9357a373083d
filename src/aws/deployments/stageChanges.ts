// The changes to a stage's deployment: roll back to an earlier deployment (REST UpdateStage replace /deploymentId;
// v2 UpdateStage DeploymentId), and, REST only, the canary: deploy as canary (CreateDeployment with
// canarySettings, on an existing stage), promote it and cancel it (UpdateStage patch operations, see
// canaryOperations.ts). Each reads the stage first, refuses what cannot work with a message that says why and
// what to do, and answers the stage as it is afterwards.
import {
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetStageCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  GetDeploymentCommand as GetV2DeploymentCommand,
  GetStageCommand as GetV2StageCommand,
  UpdateStageCommand as UpdateV2StageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { getStage, type ApiRef } from '../apiDetails';
import { badInput, contextOf, guarded, requireText } from '../guard';
import { requireKind } from '../inventory';
import { toAwsError } from '../problems';
import { AwsError, type AwsClients, type DeployedStage } from '../types';
import { cancelOperations, canaryRequestProblem, promoteOperations } from './canaryOperations';
import { canaryOf } from './history';
import type { CanaryRequest } from './types';

const apiText = (api: ApiRef): string => ('name' in api ? `${api.name} (${api.id})` : api.id);

function deletedDeployment(api: ApiRef, deploymentId: string, operation: string): AwsError {
  return new AwsError({
    kind: 'notFound',
    operation,
    message:
      `Deployment ${deploymentId} of API ${apiText(api)} no longer exists: it was deleted. Refresh the AWS view ` +
      'to list the deployments that remain, and roll back to one of them.',
  });
}

const isNotFound = (error: unknown): boolean => (error as { name?: unknown }).name === 'NotFoundException';

/** Points the stage at `deploymentId` (a rollback, or a roll forward to a newer one); answers the stage after. */
export async function rollbackStage(
  clients: AwsClients,
  api: ApiRef,
  stageName: string,
  deploymentId: string,
): Promise<DeployedStage> {
  requireKind(api.kind, 'UpdateStage');
  requireText(api.id, 'An API id', 'UpdateStage');
  requireText(stageName, 'A stage name', 'UpdateStage');
  requireText(deploymentId, 'A deployment id', 'UpdateStage');
  const rest = api.kind === 'REST';
  const live = await guarded(clients, async () => {
    if (rest) return (await clients.rest.send(new GetStageCommand({ restApiId: api.id, stageName }))).deploymentId;
    const stage = await clients.v2.send(new GetV2StageCommand({ ApiId: api.id, StageName: stageName }));
    if (stage.AutoDeploy) {
      throw badInput(
        `Stage ${stageName} deploys automatically (auto-deploy is on): API Gateway would deploy the API's next ` +
          'change over the rollback. Turn auto-deploy off on the stage first, then roll back.',
        'UpdateStage',
      );
    }
    return stage.DeploymentId;
  });
  if (live === deploymentId) {
    throw badInput(
      `Stage ${stageName} already serves deployment ${deploymentId}: nothing to roll back.`,
      'UpdateStage',
    );
  }
  try {
    if (rest) {
      await clients.rest.send(new GetDeploymentCommand({ restApiId: api.id, deploymentId }));
      await clients.rest.send(
        new UpdateStageCommand({
          restApiId: api.id,
          stageName,
          patchOperations: [{ op: 'replace', path: '/deploymentId', value: deploymentId }],
        }),
      );
    } else {
      await clients.v2.send(new GetV2DeploymentCommand({ ApiId: api.id, DeploymentId: deploymentId }));
      await clients.v2.send(
        new UpdateV2StageCommand({ ApiId: api.id, StageName: stageName, DeploymentId: deploymentId }),
      );
    }
  } catch (error) {
    if (isNotFound(error) && !/stage/i.test(String((error as { message?: unknown }).message))) {
      throw deletedDeployment(api, deploymentId, 'UpdateStage');
    }
    throw toAwsError(error, { ...contextOf(clients), operation: 'UpdateStage' });
  }
  return getStage(clients, api, stageName);
}

/** The REST stage as it is, refused when it is not a REST API's. */
async function restStageOf(clients: AwsClients, api: ApiRef, stageName: string, action: string) {
  requireKind(api.kind, 'GetStage');
  if (api.kind !== 'REST') {
    throw badInput(
      `${action}: canary releases exist for REST APIs only, and ${apiText(api)} is ${api.kind === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API.`,
      'UpdateStage',
    );
  }
  requireText(api.id, 'An API id', 'GetStage');
  requireText(stageName, 'A stage name', 'GetStage');
  return guarded(clients, () => clients.rest.send(new GetStageCommand({ restApiId: api.id, stageName })));
}

/** Deploys the API as it is now as a canary of an existing stage; answers the new deployment's id and the stage. */
export async function deployCanary(
  clients: AwsClients,
  api: ApiRef,
  stageName: string,
  request: CanaryRequest,
): Promise<{ deploymentId: string; stage: DeployedStage }> {
  const problem = canaryRequestProblem(request);
  if (problem !== undefined) throw badInput(problem, 'CreateDeployment');
  await restStageOf(clients, api, stageName, 'Deploy as Canary');
  const created = await guarded(clients, () =>
    clients.rest.send(
      new CreateDeploymentCommand({
        restApiId: api.id,
        stageName,
        ...(request.description ? { description: request.description } : {}),
        canarySettings: {
          percentTraffic: request.percentTraffic,
          ...(request.stageVariableOverrides ? { stageVariableOverrides: request.stageVariableOverrides } : {}),
          ...(request.useStageCache !== undefined ? { useStageCache: request.useStageCache } : {}),
        },
      }),
    ),
  );
  return { deploymentId: created.id ?? '', stage: await getStage(clients, api, stageName) };
}

/** Makes the canary's deployment (and variable overrides) the stage's; the canary stays, at 0 % of the traffic. */
export async function promoteCanary(clients: AwsClients, api: ApiRef, stageName: string): Promise<DeployedStage> {
  const stage = await restStageOf(clients, api, stageName, 'Promote Canary');
  const canary = canaryOf(stage);
  if (!canary?.deploymentId) {
    throw badInput(`Stage ${stageName} has no canary to promote: deploy one first (Deploy as Canary…).`, 'UpdateStage');
  }
  await guarded(clients, () =>
    clients.rest.send(
      new UpdateStageCommand({ restApiId: api.id, stageName, patchOperations: promoteOperations(canary) }),
    ),
  );
  return getStage(clients, api, stageName);
}

/** Removes the canary: all traffic goes to the stage's own deployment again. */
export async function cancelCanary(clients: AwsClients, api: ApiRef, stageName: string): Promise<DeployedStage> {
  const stage = await restStageOf(clients, api, stageName, 'Cancel Canary');
  if (!canaryOf(stage)) throw badInput(`Stage ${stageName} has no canary to cancel.`, 'UpdateStage');
  await guarded(clients, () =>
    clients.rest.send(new UpdateStageCommand({ restApiId: api.id, stageName, patchOperations: cancelOperations() })),
  );
  return getStage(clients, api, stageName);
}
