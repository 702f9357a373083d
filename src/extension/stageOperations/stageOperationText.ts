import type { CanaryRequest, CanaryState, StageDeployment } from '../../aws/deployments/types';
import type { StageSettingsPlan } from '../../aws/stageSettings/types';
import type { DeployedApiSummary, DeployedStage } from '../../aws/types';
import type { Confirmation } from '../deploy/planText';

/**
 * What the stage operations ask and say, pure so it is unit-tested: the modal confirmations (each names the
 * stage, the API and the region, and says what follows) and the results.
 */
const apiText = (api: DeployedApiSummary): string => `API "${api.name}" (${api.id})`;

export function loggingConfirmation(plan: StageSettingsPlan): Confirmation {
  const { target } = plan;
  return {
    message: `Change the logging settings of stage "${target.stage}" of API "${target.apiName}" (${target.apiId}) in ${target.region}?`,
    detail: [
      ...plan.changes.map((c) => `${c.setting}: ${c.before} → ${c.after}`),
      ...(plan.warnings.length > 0 ? ['', ...plan.warnings] : []),
      '',
      ...plan.steps.map((s, i) => `${i + 1}. ${s.operation}: ${s.title}`),
      '',
      'The whole plan is shown in the editor.',
    ].join('\n'),
    button: 'Update Stage',
  };
}

const deploymentText = (d: StageDeployment): string =>
  [
    d.id,
    d.createdDate && `created ${d.createdDate.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    d.description && `"${d.description}"`,
  ]
    .filter(Boolean)
    .join(', ');

export function rollbackConfirmation(
  api: DeployedApiSummary,
  stage: DeployedStage,
  deployment: StageDeployment,
  region: string,
): Confirmation {
  return {
    message: `Roll back stage "${stage.name}" of ${apiText(api)} in ${region} to deployment ${deployment.id}?`,
    detail:
      `Clients of ${stage.invokeUrl} will be served deployment ${deploymentText(deployment)} instead of ` +
      `${stage.deploymentId ?? 'the current one'}. The stage's settings and variables stay as they are; you can ` +
      "roll forward again from the stage's deployments.",
    button: 'Roll Back Stage',
  };
}

export function deployCanaryConfirmation(
  api: DeployedApiSummary,
  stage: DeployedStage,
  request: CanaryRequest,
  region: string,
): Confirmation {
  const overrides = Object.entries(request.stageVariableOverrides ?? {}).map(([k, v]) => `${k}=${v}`);
  return {
    message: `Deploy ${apiText(api)} as a canary of stage "${stage.name}" in ${region}, taking ${request.percentTraffic}% of its traffic?`,
    detail: [
      'API Gateway makes a new deployment of the API as it is now; the canary serves it to ' +
        `${request.percentTraffic}% of the requests, while deployment ${stage.deploymentId ?? '(none)'} keeps ` +
        `serving the other ${100 - request.percentTraffic}%.`,
      ...(overrides.length > 0 ? [`Stage variable overrides: ${overrides.join(', ')}.`] : []),
      ...(stage.canary
        ? [
            `It replaces the stage's canary (${stage.canary.percentTraffic}% → deployment ${stage.canary.deploymentId ?? '(none)'}).`,
          ]
        : []),
      "Promote Canary makes it the stage's deployment; Cancel Canary ends it.",
    ].join('\n'),
    button: 'Deploy as Canary',
  };
}

export function promoteConfirmation(
  api: DeployedApiSummary,
  stage: DeployedStage,
  canary: CanaryState,
  region: string,
): Confirmation {
  const overrides = Object.entries(canary.stageVariableOverrides).map(([k, v]) => `${k}=${v}`);
  return {
    message: `Promote the canary of stage "${stage.name}" of ${apiText(api)} in ${region}?`,
    detail: [
      `All requests to ${stage.invokeUrl} will be served deployment ${canary.deploymentId ?? '(none)'} ` +
        `(now ${stage.deploymentId ?? '(none)'} serves ${100 - canary.percentTraffic}%).`,
      overrides.length > 0
        ? `The stage's variables take the canary's overrides: ${overrides.join(', ')}.`
        : 'The canary overrides no stage variable.',
      'The canary stays, taking 0% of the traffic (as AWS promotes); Cancel Canary removes it.',
    ].join('\n'),
    button: 'Promote Canary',
  };
}

export function cancelConfirmation(
  api: DeployedApiSummary,
  stage: DeployedStage,
  canary: CanaryState,
  region: string,
): Confirmation {
  return {
    message: `Cancel the canary of stage "${stage.name}" of ${apiText(api)} in ${region}?`,
    detail:
      `All requests go back to deployment ${stage.deploymentId ?? '(none)'}; the canary's deployment ` +
      `${canary.deploymentId ?? ''} stays in the stage's deployment history.`,
    button: 'Remove Canary',
  };
}

/** What an input box of "Deploy as Canary…" says about the share typed, or undefined when it is fine. */
export function percentProblem(text: string): string | undefined {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    return 'Type a share of traffic from 0 to 100 (percent), e.g. 10 or 2.5.';
  }
  return undefined;
}
