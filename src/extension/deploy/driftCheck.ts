import type { AwsApiKind, AwsClients, AwsProblem } from '../../aws/types';
import type { DeployFacade, DeploySource, DriftResult } from './deployFacade';

export type DriftStatus = 'in sync' | 'changed' | 'not deployed';

export type DriftCheck =
  { status: 'not deployed'; reason: string } | { status: 'in sync' | 'changed'; drift: DriftResult };

export interface DeployedTarget {
  kind: AwsApiKind;
  apiId: string;
  stage: string;
}

/**
 * The local API against a deployed stage: "not deployed" when the API or the stage does not exist, else both
 * sides normalised (the core's compareWithDeployed on the stage's export; WebSocket APIs by their routes and
 * integrations). Other failures are thrown.
 */
export async function checkDrift(
  facade: DeployFacade,
  clients: AwsClients,
  source: DeploySource,
  target: DeployedTarget,
  swagger: boolean,
): Promise<DriftCheck> {
  let deployed;
  try {
    deployed = await facade.readDeployed(
      clients,
      { kind: target.kind, apiId: target.apiId, stage: target.stage, failOnWarnings: true },
      swagger ? { specification: 'swagger' } : {},
    );
  } catch (err) {
    const problem = problemOf(err);
    if (problem?.kind === 'notFound') return { status: 'not deployed', reason: problem.message };
    throw err;
  }
  if (deployed.stage === undefined) {
    return {
      status: 'not deployed',
      reason: `Stage ${target.stage} of API ${target.apiId} does not exist: the API is not deployed there.`,
    };
  }
  let drift: DriftResult;
  if (target.kind === 'WEBSOCKET') {
    if (deployed.shape === undefined) throw new Error(`What API ${target.apiId} holds could not be read.`);
    drift = facade.compareWebSocketWithDeployed(source, deployed.shape, 'yaml');
  } else {
    drift = facade.compareWithDeployed(source, deployed.exportText ?? '{}', 'yaml');
  }
  return { status: drift.same ? 'in sync' : 'changed', drift };
}

/** The AwsProblem an AwsError of the bundle carries (its class is not ours to test with instanceof). */
export function problemOf(err: unknown): AwsProblem | undefined {
  const problem = (err as { problem?: unknown } | null)?.problem;
  return problem !== null &&
    typeof problem === 'object' &&
    typeof (problem as AwsProblem).kind === 'string' &&
    typeof (problem as AwsProblem).message === 'string'
    ? (problem as AwsProblem)
    : undefined;
}
