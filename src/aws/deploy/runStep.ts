// One step of a plan as the SDK call it names. Inputs are the plan's, with `{ref:NAME}` placeholders already
// replaced; the REST / HTTP import bodies come from the plan (kept once there, not in every step).
import {
  CreateDeploymentCommand as RestCreateDeploymentCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateIntegrationResponseCommand,
  CreateRouteCommand,
  CreateRouteResponseCommand,
  CreateStageCommand,
  DeleteRouteCommand,
  ImportApiCommand,
  ReimportApiCommand,
  UpdateApiCommand,
  UpdateAuthorizerCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
  UpdateRouteCommand,
  UpdateRouteResponseCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import type { AwsClients, DeployPlan } from '../types';

/** What a step gives back: the id it created, the API's endpoint, what the import said. */
export interface StepResult {
  id?: string;
  apiEndpoint?: string;
  warnings: string[];
  info: string[];
}

type Input = Record<string, unknown>;
// The v2 commands take their own input types; the plan's inputs are those shapes (checked by the plan's tests).
type V2Command = new (input: never) => Parameters<AwsClients['v2']['send']>[0];

const v2Commands: Record<string, { command: V2Command; id?: string }> = Object.assign(Object.create(null) as object, {
  CreateApi: { command: CreateApiCommand, id: 'ApiId' },
  UpdateApi: { command: UpdateApiCommand },
  CreateAuthorizer: { command: CreateAuthorizerCommand, id: 'AuthorizerId' },
  UpdateAuthorizer: { command: UpdateAuthorizerCommand },
  CreateIntegration: { command: CreateIntegrationCommand, id: 'IntegrationId' },
  UpdateIntegration: { command: UpdateIntegrationCommand },
  CreateIntegrationResponse: { command: CreateIntegrationResponseCommand, id: 'IntegrationResponseId' },
  UpdateIntegrationResponse: { command: UpdateIntegrationResponseCommand },
  CreateRoute: { command: CreateRouteCommand, id: 'RouteId' },
  UpdateRoute: { command: UpdateRouteCommand },
  DeleteRoute: { command: DeleteRouteCommand },
  CreateRouteResponse: { command: CreateRouteResponseCommand, id: 'RouteResponseId' },
  UpdateRouteResponse: { command: UpdateRouteResponseCommand },
  CreateStage: { command: CreateStageCommand },
  UpdateStage: { command: UpdateStageCommand },
  CreateDeployment: { command: CreateDeploymentCommand, id: 'DeploymentId' },
}) as Record<string, { command: V2Command; id?: string }>;

export async function runStep(
  clients: AwsClients,
  plan: DeployPlan,
  operation: string,
  input: Input,
): Promise<StepResult> {
  const body = plan.body ?? '';
  if (plan.target.kind === 'REST') return runRest(clients, operation, input, body);
  if (operation === 'ImportApi' || operation === 'ReimportApi') {
    const request = { ...input, Body: body } as never;
    const out =
      operation === 'ImportApi'
        ? await clients.v2.send(new ImportApiCommand(request))
        : await clients.v2.send(new ReimportApiCommand(request));
    return result(out.ApiId, out.ApiEndpoint, out.Warnings, out.ImportInfo);
  }
  const entry = v2Commands[operation];
  if (entry === undefined) throw new Error(`The plan has an unknown step ${operation}.`);
  const out = (await clients.v2.send(new entry.command(input as never))) as unknown as Record<string, unknown>;
  const id = entry.id === undefined ? undefined : out[entry.id];
  return result(
    typeof id === 'string' ? id : undefined,
    typeof out['ApiEndpoint'] === 'string' ? out['ApiEndpoint'] : undefined,
  );
}

async function runRest(clients: AwsClients, operation: string, input: Input, body: string): Promise<StepResult> {
  const bytes = new TextEncoder().encode(body);
  const parameters = input['parameters'] as Record<string, string> | undefined;
  const failOnWarnings = input['failOnWarnings'] === true;
  if (operation === 'ImportRestApi') {
    const out = await clients.rest.send(
      new ImportRestApiCommand({ body: bytes, failOnWarnings, ...(parameters ? { parameters } : {}) }),
    );
    return result(out.id, undefined, out.warnings);
  }
  if (operation === 'PutRestApi') {
    const out = await clients.rest.send(
      new PutRestApiCommand({
        restApiId: String(input['restApiId']),
        mode: input['mode'] === 'merge' ? 'merge' : 'overwrite',
        failOnWarnings,
        body: bytes,
        ...(parameters ? { parameters } : {}),
      }),
    );
    return result(out.id, undefined, out.warnings);
  }
  if (operation === 'CreateDeployment') {
    const variables = input['variables'] as Record<string, string> | undefined;
    const description = input['description'];
    const out = await clients.rest.send(
      new RestCreateDeploymentCommand({
        restApiId: String(input['restApiId']),
        stageName: String(input['stageName']),
        ...(variables ? { variables } : {}),
        ...(typeof description === 'string' ? { description } : {}),
      }),
    );
    return result(out.id);
  }
  throw new Error(`The plan has an unknown REST step ${operation}.`);
}

function result(id?: string, apiEndpoint?: string, warnings?: string[], info?: string[]): StepResult {
  const out: StepResult = { warnings: warnings ?? [], info: info ?? [] };
  if (id !== undefined) out.id = id;
  if (apiEndpoint !== undefined) out.apiEndpoint = apiEndpoint;
  return out;
}
