import type { AwsClients, DeployTarget } from '../../aws/types';
import type { Logger } from '../../shared/logger';
import type { LocalApi } from './definitionPick';
import type { DeployFacade } from './deployFacade';
import {
  pickEndpointType,
  pickMode,
  pickStage,
  pickTargetApi,
  type ApiChoice,
  type TargetPickContext,
} from './targetPicks';
import type { RememberedTarget } from './targetMemory';

/** What a caller (an integration test, another command) decides instead of the pickers. */
export interface TargetOptions {
  /** 'new', or the id of an existing API of the definition's kind. */
  target?: string;
  stage?: string;
  mode?: 'overwrite' | 'merge';
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
}

export interface ChosenTarget {
  target: DeployTarget;
  /** The deployed API's name, when an existing one was chosen. */
  deployedName?: string;
}

export interface ChooseContext {
  facade: DeployFacade;
  clients: AwsClients;
  logger: Logger;
  local: LocalApi;
  remembered: RememberedTarget | undefined;
  /** The template's stage name and endpoint type (offered first). */
  declared: { stage?: string; endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE' };
  failOnWarnings: boolean;
}

/**
 * Where the deploy goes: the target API (new or existing), the stage, and for REST the PutRestApi mode
 * (existing API) or the endpoint type (new API). Undefined: cancelled.
 */
export async function chooseTarget(ctx: ChooseContext, options: TargetOptions): Promise<ChosenTarget | undefined> {
  const kind = ctx.local.api.type;
  const pickContext: TargetPickContext = {
    facade: ctx.facade,
    clients: ctx.clients,
    logger: ctx.logger,
    apiName: ctx.local.api.name,
    apiKind: kind,
    allowNew: true,
    title: `Deploy ${ctx.local.api.name}`,
    ...(ctx.remembered !== undefined ? { remembered: ctx.remembered } : {}),
  };
  const choice: ApiChoice | undefined =
    options.target === undefined
      ? await pickTargetApi(pickContext)
      : options.target === 'new'
        ? { kind: 'new' }
        : { kind: 'existing', api: { id: options.target, name: options.target, kind } };
  if (choice === undefined) return undefined;
  const stage = options.stage ?? (await pickStage(pickContext, choice, ctx.declared.stage));
  if (stage === undefined) return undefined;
  const target: DeployTarget = { kind, stage, failOnWarnings: ctx.failOnWarnings };
  if (choice.kind === 'existing') target.apiId = choice.api.id;
  if (kind === 'REST' && choice.kind === 'existing') {
    const mode = options.mode ?? (await pickMode(pickContext));
    if (mode === undefined) return undefined;
    target.mode = mode;
  }
  if (kind === 'REST' && choice.kind === 'new') {
    const endpointType = options.endpointType ?? (await pickEndpointType(pickContext, ctx.declared.endpointType));
    if (endpointType === undefined) return undefined;
    target.endpointType = endpointType;
  }
  const chosen: ChosenTarget = { target };
  if (choice.kind === 'existing' && choice.api.name !== choice.api.id) chosen.deployedName = choice.api.name;
  return chosen;
}
