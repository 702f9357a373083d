// Creates the mapping of a plan (planStageMapping): v1 CreateBasePathMapping or v2 CreateApiMapping. Whoever calls
// this has shown the plan and had it confirmed: nothing here asks.
import { CreateBasePathMappingCommand } from '@aws-sdk/client-api-gateway';
import { CreateApiMappingCommand } from '@aws-sdk/client-apigatewayv2';
import { guarded } from '../guard';
import type { AwsClients } from '../types';
import { normalBasePath } from './listDomains';
import type { DomainMapping, StageMappingPlan } from './types';

export async function createStageMapping(clients: AwsClients, plan: StageMappingPlan): Promise<DomainMapping> {
  return guarded(clients, async () => {
    if (plan.operation === 'CreateBasePathMapping') {
      const made = await clients.rest.send(
        new CreateBasePathMappingCommand({
          domainName: plan.domainName,
          basePath: plan.basePath === '' ? '(none)' : plan.basePath,
          restApiId: plan.api.id,
          stage: plan.stage,
        }),
      );
      return {
        basePath: normalBasePath(made.basePath),
        apiId: made.restApiId ?? plan.api.id,
        stage: made.stage ?? plan.stage,
      };
    }
    const made = await clients.v2.send(
      new CreateApiMappingCommand({
        DomainName: plan.domainName,
        ApiMappingKey: plan.basePath,
        ApiId: plan.api.id,
        Stage: plan.stage,
      }),
    );
    return {
      basePath: normalBasePath(made.ApiMappingKey),
      apiId: made.ApiId ?? plan.api.id,
      stage: made.Stage ?? plan.stage,
      ...(made.ApiMappingId ? { mappingId: made.ApiMappingId } : {}),
    };
  });
}
