import type { CanaryState, StageDeployment } from '../../aws/deployments/types';
import type { DeployedStage } from '../../aws/types';
import type { AwsNode } from '../aws/awsNodes';

/** What awsPresentation.ts's AwsNodePresentation needs of these nodes (declared here: that module imports this one). */
export interface StageOperationPresentation {
  label: string;
  description?: string;
  tooltip: string;
  icon: string;
  contextValue: string;
  collapsible: 'none';
}

type StageOperationNode = Extract<AwsNode, { kind: 'aws.deployment' | 'aws.canary' | 'aws.webAcl' }>;

/** "2024-05-01 12:00 UTC". */
function dateText(date: Date | undefined): string | undefined {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : undefined;
}

const overridesText = (canary: CanaryState): string =>
  Object.entries(canary.stageVariableOverrides)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** "10% → deployment abc123". */
export function canaryText(canary: CanaryState): string {
  return `${canary.percentTraffic}% → deployment ${canary.deploymentId ?? '(none)'}`;
}

/** The web ACL's name in its ARN (…/webacl/NAME/ID), else the ARN. */
export function webAclName(arn: string): string {
  return /\/webacl\/([^/]+)\//.exec(arn)?.[1] ?? arn;
}

/** The lines a stage's tooltip adds for its canary and WAF web ACL. */
export function stageOperationLines(stage: DeployedStage): string[] {
  const lines: string[] = [];
  if (stage.canary) {
    const overrides = overridesText(stage.canary);
    lines.push(`Canary: ${canaryText(stage.canary)}${overrides ? ` (overrides ${overrides})` : ''}`);
  }
  if (stage.webAclArn) lines.push(`WAF web ACL: ${stage.webAclArn}`);
  return lines;
}

function deploymentDescription(deployment: StageDeployment): string {
  const marks = [deployment.live && 'live', deployment.canary && 'canary'].filter(Boolean).join(', ');
  return [dateText(deployment.createdDate), deployment.description, marks && `(${marks})`].filter(Boolean).join(' · ');
}

/** How the nodes of a stage's history, canary and WAF look in the AWS view. */
export function presentStageOperationNode(node: StageOperationNode): StageOperationPresentation {
  switch (node.kind) {
    case 'aws.deployment': {
      const { deployment, stage } = node;
      return {
        label: deployment.id,
        description: deploymentDescription(deployment),
        tooltip: [
          `Deployment ${deployment.id} of ${node.api.name}`,
          deployment.createdDate && `Created: ${dateText(deployment.createdDate)}`,
          deployment.description && `Description: ${deployment.description}`,
          deployment.live
            ? `Stage ${stage.name} serves it now.`
            : deployment.canary
              ? `The canary of stage ${stage.name} serves it.`
              : `Right-click: Roll Back Stage ${stage.name} to This Deployment.`,
        ]
          .filter(Boolean)
          .join('\n'),
        icon: deployment.live ? 'pass-filled' : deployment.canary ? 'beaker' : 'history',
        contextValue: deployment.live ? 'apigw.aws.deployment.live' : 'apigw.aws.deployment',
        collapsible: 'none',
      };
    }
    case 'aws.canary': {
      const overrides = overridesText(node.canary);
      return {
        label: `Canary ${node.canary.percentTraffic}%`,
        description: `deployment ${node.canary.deploymentId ?? '(none)'}${overrides ? ` · ${overrides}` : ''}`,
        tooltip: [
          `Canary of stage ${node.stage.name}: ${canaryText(node.canary)}`,
          `The other ${100 - node.canary.percentTraffic}% go to deployment ${node.stage.deploymentId ?? '(none)'}.`,
          overrides && `Stage variable overrides: ${overrides}`,
          `Stage cache: ${node.canary.useStageCache ? 'used' : 'not used'}`,
          'Right-click: Promote Canary or Cancel Canary.',
        ]
          .filter(Boolean)
          .join('\n'),
        icon: 'beaker',
        contextValue: 'apigw.aws.canary',
        collapsible: 'none',
      };
    }
    case 'aws.webAcl':
      return {
        label: 'WAF web ACL',
        description: webAclName(node.arn),
        tooltip: `AWS WAF web ACL of stage ${node.stage.name}: ${node.arn}`,
        icon: 'shield',
        contextValue: 'apigw.aws.webAcl',
        collapsible: 'none',
      };
  }
}
