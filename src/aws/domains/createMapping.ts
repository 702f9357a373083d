// Creates the mapping of a plan (planStageMapping): v1 CreateBasePathMapping or v2 CreateApiMapping. Whoever calls
// this has shown the plan and had it confirmed: nothing here asks. The call sent is the plan's input, as shown.
import { CreateBasePathMappingCommand, type CreateBasePathMappingCommandInput } from '@aws-sdk/client-api-gateway';
import { CreateApiMappingCommand, type CreateApiMappingCommandInput } from '@aws-sdk/client-apigatewayv2';
import { guarded } from '../guard';
import type { AwsClients } from '../types';
import { normalBasePath } from './listDomains';
import type { DomainMapping, StageMappingPlan } from './types';

export async function createStageMapping(clients: AwsClients, plan: StageMappingPlan): Promise<DomainMapping> {
  return guarded(clients, async () => {
    if (plan.operation === 'CreateBasePathMapping') {
      const made = await clients.rest.send(
        new CreateBasePathMappingCommand(plan.input as unknown as CreateBasePathMappingCommandInput),
      );
      return {
        basePath: normalBasePath(made.basePath),
        apiId: made.restApiId ?? plan.api.id,
        stage: made.stage ?? plan.stage,
      };
    }
    const made = await clients.v2.send(
      new CreateApiMappingCommand(plan.input as unknown as CreateApiMappingCommandInput),
    );
    return {
      basePath: normalBasePath(made.ApiMappingKey),
      apiId: made.ApiId ?? plan.api.id,
      stage: made.Stage ?? plan.stage,
      ...(made.ApiMappingId ? { mappingId: made.ApiMappingId } : {}),
    };
  });
}
