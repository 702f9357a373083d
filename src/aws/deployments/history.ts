// A stage's deployments (GetDeployments, every page: v1 by position, v2 by NextToken), newest first, with the one
// the stage serves (and, REST, the one its canary serves) marked.
import { GetDeploymentsCommand, GetStageCommand, type Stage } from '@aws-sdk/client-api-gateway';
import {
  GetDeploymentsCommand as GetV2DeploymentsCommand,
  GetStageCommand as GetV2StageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { guarded, requireText } from '../guard';
import { requireKind } from '../inventory';
import { collect, paginate } from '../paginate';
import type { AwsApiKind, AwsClients } from '../types';
import type { CanaryState, StageDeployment } from './types';

/** The canary of a REST stage as the API Reference's Stage.canarySettings gives it, or undefined. */
export function canaryOf(stage: Pick<Stage, 'canarySettings'>): CanaryState | undefined {
  const c = stage.canarySettings;
  if (!c) return undefined;
  return {
    ...(c.deploymentId ? { deploymentId: c.deploymentId } : {}),
    percentTraffic: c.percentTraffic ?? 0,
    stageVariableOverrides: { ...c.stageVariableOverrides },
    useStageCache: c.useStageCache ?? false,
  };
}

const newestFirst = (a: StageDeployment, b: StageDeployment): number =>
  (b.createdDate?.getTime() ?? 0) - (a.createdDate?.getTime() ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The deployments of the stage's API, newest first, the stage's live (and canary) one marked. */
export async function listStageDeployments(
  clients: AwsClients,
  api: { kind: AwsApiKind; id: string },
  stageName: string,
): Promise<StageDeployment[]> {
  requireKind(api.kind, 'GetDeployments');
  requireText(api.id, 'An API id', 'GetDeployments');
  requireText(stageName, 'A stage name', 'GetDeployments');
  return guarded(clients, async () => {
    if (api.kind === 'REST') {
      const [stage, items] = await Promise.all([
        clients.rest.send(new GetStageCommand({ restApiId: api.id, stageName })),
        collect(
          paginate(
            (position) =>
              clients.rest.send(
                new GetDeploymentsCommand({ restApiId: api.id, limit: 500, ...(position ? { position } : {}) }),
              ),
            (page) => page.items,
            (page) => page.position,
          ),
        ),
      ]);
      const canary = canaryOf(stage)?.deploymentId;
      return items
        .map((d) => deployment(d.id ?? '', d.createdDate, d.description, stage.deploymentId, canary))
        .sort(newestFirst);
    }
    const [stage, items] = await Promise.all([
      clients.v2.send(new GetV2StageCommand({ ApiId: api.id, StageName: stageName })),
      collect(
        paginate(
          (token) =>
            clients.v2.send(new GetV2DeploymentsCommand({ ApiId: api.id, ...(token ? { NextToken: token } : {}) })),
          (page) => page.Items,
          (page) => page.NextToken,
        ),
      ),
    ]);
    return items
      .map((d) => deployment(d.DeploymentId ?? '', d.CreatedDate, d.Description, stage.DeploymentId, undefined))
      .sort(newestFirst);
  });
}

function deployment(
  id: string,
  createdDate: Date | undefined,
  description: string | undefined,
  live: string | undefined,
  canary: string | undefined,
): StageDeployment {
  return {
    id,
    ...(createdDate ? { createdDate } : {}),
    ...(description ? { description } : {}),
    live: id === live,
    canary: canary !== undefined && id === canary,
  };
}
