// planDeploy: desired (the prepared definition) vs deployed (what AWS has now) → the plan a person confirms: the
// changes by category, and the ordered calls that make them. Pure: nothing here talks to AWS.
//   REST: ImportRestApi (new) or PutRestApi (mode overwrite | merge), then CreateDeployment to the stage with its
//         variables (which creates the stage when it is missing).
//   HTTP: ImportApi (new) or ReimportApi, then CreateStage with AutoDeploy (stage missing), or UpdateStage (its
//         variables) and CreateDeployment (unless the stage deploys automatically).
//   WebSocket: create / update calls for the API, authorizers, integrations, routes and responses (websocketPlan.ts).
import { dict } from '../../shared/dict';
import { AwsError, type DeployedStage, type DeployPlan, type DeployTarget, type PlannedChange } from '../types';
import { diffShapes } from './diffShapes';
import { shapeFromDocument } from './shape';
import { checkDeployTarget } from './targetChecks';
import type { ApiShape, DeploySource, DeployStep, StepContext } from './types';
import { planWebSocketSteps } from './websocketPlan';
import { desiredWebSocketShape, projectOnto } from './websocketShape';

/** What is deployed now (readDeployed), or undefined for a new API. */
export interface DeployedState {
  /** Undefined when the API exists but its definition could not be read (then everything shows as added). */
  shape?: ApiShape;
  /** Undefined when the stage does not exist yet. */
  stage?: DeployedStage;
  /** What the reader wants said (e.g. "compared with stage dev: stage prod does not exist yet"). */
  notes?: string[];
}

/** The placeholder of the id a step creates, resolved by applyPlan. */
export const refOf = (name: string): string => `{ref:${name}}`;

/**
 * The plan for deploying `desired` to `target`. Throws AwsError (badRequest) when the target is one AWS would
 * refuse (stage name, variables, a definition of another API type), before anything is sent.
 */
export function planDeploy(
  desired: DeploySource,
  deployed: DeployedState | undefined,
  target: DeployTarget,
): DeployPlan {
  const refused = checkDeployTarget(target);
  if (desired.kind !== target.kind) {
    refused.unshift(
      `The definition is a ${desired.kind} API, but the target is a ${target.kind} API: choose an API of the same type, or a new API.`,
    );
  }
  if (refused.length > 0) throw new AwsError({ kind: 'badRequest', message: refused.join(' ') });
  const creating = target.apiId === undefined;
  const notes = [...desired.notes, ...(creating ? [] : (deployed?.notes ?? []))];
  const wanted = desiredShape(desired);
  const current = creating ? undefined : deployed?.shape;
  let changes = diffShapes(
    wanted,
    current === undefined || desired.kind !== 'WEBSOCKET' ? current : projectOnto(current, wanted),
  );
  if (!creating && deployed?.shape === undefined) {
    notes.push('What is deployed could not be read, so every part shows as added; API Gateway replaces what is there.');
  }
  if (desired.kind === 'REST' && !creating && target.mode === 'merge') {
    const kept = changes.filter((c) => c.action === 'remove');
    changes = changes.filter((c) => c.action !== 'remove');
    notes.push(
      kept.length === 0
        ? 'Merge mode (PutRestApi mode=merge) adds and updates; it never removes anything.'
        : `Merge mode (PutRestApi mode=merge) adds and updates, never removes: ${kept.length} deployed part(s) not in the definition stay (${kept.map((c) => `${c.category} ${c.key}`).join(', ')}).`,
    );
  }
  const variables = dict<string>();
  Object.assign(variables, desired.stage?.variables ?? {}, target.variables ?? {});
  const stage = creating ? undefined : deployed?.stage;
  const stageChanges = planStageChanges(target.stage, variables, stage);
  const definitionChanged = changes.length > 0;
  const context: StepContext = { target, variables, stage, creating, definitionChanged, stageChanges, desired };
  const steps =
    desired.kind === 'REST'
      ? restSteps(context)
      : desired.kind === 'HTTP'
        ? httpSteps(context)
        : planWebSocketSteps(desired, current, context);
  if (desired.kind === 'HTTP' && stage?.autoDeploy === true && definitionChanged) {
    notes.push(
      `Stage ${target.stage} deploys automatically (auto-deploy): the reimport is deployed to it without a CreateDeployment.`,
    );
  }
  const all: PlannedChange[] = [...changes, ...stageChanges];
  const plan: DeployPlan = {
    kind: creating ? 'create' : all.length === 0 ? 'noChange' : 'update',
    target,
    apiName: desired.apiName,
    changes: all,
    steps,
    notes,
  };
  if (desired.bodyText !== undefined) plan.body = desired.bodyText;
  return plan;
}

function desiredShape(desired: DeploySource): ApiShape {
  if (desired.kind === 'WEBSOCKET') {
    if (desired.websocket === undefined)
      throw new AwsError({ kind: 'badRequest', message: 'The WebSocket API has no routes to deploy.' });
    return desiredWebSocketShape(desired.websocket);
  }
  return shapeFromDocument(desired.body ?? {}, desired.kind);
}

/** The stage to add, or its variables to change (variables only on the deployed side are left as they are). */
function planStageChanges(
  name: string,
  variables: Record<string, string>,
  stage: DeployedStage | undefined,
): PlannedChange[] {
  if (stage === undefined) {
    const names = Object.keys(variables).sort();
    const change: PlannedChange = { action: 'add', category: 'stage', key: name, after: { variables } };
    if (names.length > 0) change.detail = `variables ${names.join(', ')}`;
    return [change];
  }
  const differing = Object.keys(variables)
    .filter((k) => stage.variables[k] !== variables[k])
    .sort();
  if (differing.length === 0) return [];
  return [
    {
      action: 'change',
      category: 'stage',
      key: name,
      detail: `variables ${differing.join(', ')}`,
      before: { variables: stage.variables },
      after: { variables: { ...stage.variables, ...variables } },
    },
  ];
}

function restSteps(ctx: StepContext): DeployStep[] {
  const { target } = ctx;
  const steps: DeployStep[] = [];
  const parameters = dict<string>();
  if (target.basepath !== undefined) parameters['basepath'] = target.basepath;
  if (ctx.creating) {
    const endpointType = target.endpointType ?? ctx.desired.endpointType;
    if (endpointType !== undefined) parameters['endpointConfigurationTypes'] = endpointType;
    steps.push({
      operation: 'ImportRestApi',
      title: `Create REST API "${ctx.desired.apiName}" from the definition`,
      input: { failOnWarnings: target.failOnWarnings, parameters },
      changesApi: true,
      produces: 'api',
    });
  } else if (ctx.definitionChanged) {
    const mode = target.mode ?? 'overwrite';
    steps.push({
      operation: 'PutRestApi',
      title: `Update REST API ${target.apiId} from the definition (${mode})`,
      input: { restApiId: target.apiId, mode, failOnWarnings: target.failOnWarnings, parameters },
      changesApi: true,
    });
  }
  if (ctx.creating || ctx.definitionChanged || ctx.stageChanges.length > 0) {
    const input = Object.assign(dict<unknown>(), { restApiId: target.apiId ?? refOf('api'), stageName: target.stage });
    if (Object.keys(ctx.variables).length > 0) input['variables'] = { ...ctx.variables };
    if (target.description) input['description'] = target.description;
    steps.push({ operation: 'CreateDeployment', title: `Deploy to stage ${target.stage}`, input, changesStage: true });
  }
  return steps;
}

function httpSteps(ctx: StepContext): DeployStep[] {
  const { target } = ctx;
  const steps: DeployStep[] = [];
  const apiId = target.apiId ?? refOf('api');
  const common = Object.assign(dict<unknown>(), { FailOnWarnings: target.failOnWarnings });
  if (target.basepath !== undefined) common['Basepath'] = target.basepath;
  if (ctx.creating) {
    steps.push({
      operation: 'ImportApi',
      title: `Create HTTP API "${ctx.desired.apiName}" from the definition`,
      input: common,
      changesApi: true,
      produces: 'api',
    });
  } else if (ctx.definitionChanged) {
    steps.push({
      operation: 'ReimportApi',
      title: `Update HTTP API ${target.apiId} from the definition`,
      input: { ApiId: apiId, ...common },
      changesApi: true,
    });
  }
  const variables = Object.keys(ctx.variables).length > 0 ? { StageVariables: { ...ctx.variables } } : {};
  if (ctx.stage === undefined) {
    steps.push({
      operation: 'CreateStage',
      title: `Create stage ${target.stage} (deploys automatically)`,
      input: { ApiId: apiId, StageName: target.stage, AutoDeploy: true, ...variables },
      changesStage: true,
    });
    return steps;
  }
  if (ctx.stageChanges.length > 0) {
    steps.push({
      operation: 'UpdateStage',
      title: `Set the variables of stage ${target.stage}`,
      input: { ApiId: apiId, StageName: target.stage, ...variables },
      changesStage: true,
    });
  }
  if (ctx.definitionChanged && ctx.stage.autoDeploy !== true) {
    steps.push({
      operation: 'CreateDeployment',
      title: `Deploy to stage ${target.stage}`,
      input: {
        ApiId: apiId,
        StageName: target.stage,
        ...(target.description ? { Description: target.description } : {}),
      },
      changesStage: true,
    });
  }
  return steps;
}
