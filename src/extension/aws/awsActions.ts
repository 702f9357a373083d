import type { DeployedApiSummary, DeployedStage } from '../../aws/types';

/**
 * The rules of the AWS view's actions, pure so they are unit-tested: which need a trusted workspace, what the
 * delete confirmation says, and what can be exported.
 */
export type AwsChangeAction =
  | 'Delete Stage'
  | 'Deploy API'
  | 'Map Stage to Custom Domain'
  | 'Change Logging Settings'
  | 'Roll Back Stage'
  | 'Deploy as Canary'
  | 'Promote Canary'
  | 'Cancel Canary';

/** The message a change to AWS shows in Restricted Mode, or undefined when it may run. */
export function awsTrustRefusal(trusted: boolean, action: AwsChangeAction): string | undefined {
  if (trusted) return undefined;
  return (
    `${action} is disabled in Restricted Mode: it changes your AWS account with your credentials, which this ` +
    'workspace is not trusted to do. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.'
  );
}

/** The modal confirmation of Delete Stage: it names the stage, the API and the region, and says what follows. */
export function deleteStageConfirmation(
  api: DeployedApiSummary,
  stage: DeployedStage,
  region: string,
): { message: string; detail: string; button: string } {
  return {
    message: `Delete stage "${stage.name}" of API "${api.name}" (${api.id}) in ${region}?`,
    detail:
      `Clients calling ${stage.invokeUrl} will get errors. The API and its deployments stay, but the stage's ` +
      'settings (variables, throttling, logging) are lost. This cannot be undone.',
    button: 'Delete Stage',
  };
}

/** Why an API cannot be exported, or undefined when it can. */
export function exportRefusal(api: DeployedApiSummary): string | undefined {
  if (api.kind !== 'WEBSOCKET') return undefined;
  return `API Gateway cannot export WebSocket APIs such as ${api.name}: only REST and HTTP APIs have an export.`;
}

/**
 * The stage an export reads when the user chose an API, not a stage: REST APIs are exported from a stage (the
 * only one, or one the user picks from `pick`); an HTTP API is exported as it is now (no stage).
 */
export function exportStageNeed(
  api: DeployedApiSummary,
  stages: readonly DeployedStage[],
): { stage: string | undefined } | { pick: string[] } | { refusal: string } {
  if (api.kind !== 'REST') return { stage: undefined };
  if (stages.length === 0) {
    return {
      refusal: `REST API ${api.name} has no stage to export: API Gateway exports REST APIs from a stage. Deploy it to a stage first.`,
    };
  }
  if (stages.length === 1) return { stage: stages[0]?.name };
  return { pick: stages.map((s) => s.name).sort() };
}
