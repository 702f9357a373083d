import type { AwsClients } from '../../aws/types';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsNode, AwsStageNode } from '../aws/awsNodes';
import { stageFacade } from './stageFacade';
import { stageChildNodes } from './stageNodes';

/**
 * A stage's children, listed when it is expanded: its canary and WAF web ACL (read with the stage) and its
 * deployments (GetDeployments). Throws what the core throws (the tree shows a Retry node).
 */
export async function listStageChildren(
  connection: AwsConnection,
  clients: AwsClients,
  node: AwsStageNode,
): Promise<AwsNode[]> {
  const facade = stageFacade(connection);
  const deployments = await facade.listStageDeployments(clients, node.api, node.stage.name);
  return stageChildNodes(node.api, node.stage, deployments);
}
