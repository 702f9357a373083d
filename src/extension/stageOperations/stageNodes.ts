import type { CanaryState, StageDeployment } from '../../aws/deployments/types';
import type { DeployedApiSummary, DeployedStage } from '../../aws/types';
import type { AwsNode } from '../aws/awsNodes';

/**
 * A stage's children in the AWS view, pure: its canary (REST, when it has one), its WAF web ACL (when one is
 * associated), then its deployments newest first, the live one marked.
 */
export function stageChildNodes(
  api: DeployedApiSummary,
  stage: DeployedStage,
  deployments: readonly StageDeployment[],
): AwsNode[] {
  const nodes: AwsNode[] = [];
  if (stage.canary) nodes.push({ kind: 'aws.canary', api, stage, canary: stage.canary });
  if (stage.webAclArn) nodes.push({ kind: 'aws.webAcl', api, stage, arn: stage.webAclArn });
  if (deployments.length === 0) nodes.push({ kind: 'aws.empty', message: 'No deployments' });
  for (const deployment of deployments) nodes.push({ kind: 'aws.deployment', api, stage, deployment });
  return nodes;
}

/** The canary of a stage node, a canary node, or undefined. */
export function canaryOfNode(node: AwsNode | undefined): CanaryState | undefined {
  if (node?.kind === 'aws.canary') return node.canary;
  if (node?.kind === 'aws.stage') return node.stage.canary;
  return undefined;
}
