// readDrift: a local definition against what is deployed (Compare with Deployed, `apigw diff`): REST against the
// export of a stage, HTTP against a stage or the API's latest definition, WebSocket against its routes and
// integrations. Both sides normalised; `same` is "no drift".
import { exportApi } from '../exportApi';
import { badInput } from '../guard';
import type { AwsClients } from '../types';
import { compareWebSocketWithDeployed, compareWithDeployed, type DriftResult } from './drift';
import { readDeployed, specificationFor } from './fetchDeployed';
import { emptyShape } from './shape';
import type { DeploySource } from './types';

export interface DriftTarget {
  apiId: string;
  /** Required for REST (GetExport exports a stage); HTTP without it compares with the latest definition. */
  stage?: string;
  /** The texts' format (default yaml). */
  format?: 'json' | 'yaml';
}

export async function readDrift(clients: AwsClients, local: DeploySource, target: DriftTarget): Promise<DriftResult> {
  const format = target.format ?? 'yaml';
  const { apiId, stage } = target;
  if (local.kind === 'WEBSOCKET') {
    const deployed = await readDeployed(clients, {
      kind: 'WEBSOCKET',
      apiId,
      stage: stage ?? '',
      failOnWarnings: true,
    });
    return compareWebSocketWithDeployed(local, deployed.shape ?? emptyShape('WEBSOCKET'), format);
  }
  if (local.kind === 'REST' && (stage === undefined || stage === '')) {
    throw badInput('A REST API is compared with the export of a stage: name the stage (--stage NAME).', 'GetExport');
  }
  const text = await exportApi(clients, {
    kind: local.kind,
    apiId,
    format: 'json',
    ...(stage !== undefined && stage !== '' ? { stage } : {}),
    ...(local.kind === 'REST' ? specificationFor(local) : {}),
  });
  const drift = compareWithDeployed(local, text, format);
  if (local.kind === 'HTTP' && (stage === undefined || stage === '')) {
    drift.notes.push(
      `Compared with the API's latest definition (deployed or not): name a stage to compare with what it serves.`,
    );
  }
  return drift;
}
