import type {
  AwsApiKind,
  AwsClients,
  AwsPlace,
  AwsProblem,
  AwsProfile,
  DeployedApiDetails,
  DeployedApiSummary,
  RetryListener,
} from '../../aws/types';
import type { CustomDomain, DomainMapping, StageMappingPlan, StageMappingRequest } from '../../aws/domains/types';
import type { Logger } from '../../shared/logger';
import type { MetricsReport } from '../../shared/metrics';
import type { PriceTable } from '../../model/cost/priceTable';

/**
 * The part of src/aws's facade (dist/aws.js) the extension calls. Written as an interface so the tree and the
 * commands can be tested in plain Node with a fake; loadAws.ts checks at compile time that src/aws/index.ts
 * fits it.
 */
export interface AwsFacade {
  createClients(place: AwsPlace, options?: { logger?: Logger; onRetry?: RetryListener }): AwsClients;
  listProfiles(): Promise<AwsProfile[]>;
  /** A failure told for people (which failure, what to do); never throws. */
  describeProblem(
    error: unknown,
    context: { operation?: string; profile?: string; region?: string; endpoint?: string },
  ): AwsProblem;
  /** REST, then HTTP and WebSocket APIs, page by page. */
  listApis(clients: AwsClients): AsyncIterable<DeployedApiSummary>;
  getApiDetails(clients: AwsClients, api: DeployedApiSummary): Promise<DeployedApiDetails>;
  exportApi(
    clients: AwsClients,
    request: { kind: AwsApiKind; apiId: string; stage?: string; format: 'yaml' | 'json' },
  ): Promise<string>;
  deleteStage(clients: AwsClients, kind: AwsApiKind, apiId: string, stage: string): Promise<void>;
  whoAmI(clients: AwsClients): Promise<{ account: string; arn: string }>;
  /** Custom domain names with their mappings (v1 and v2 merged). */
  listCustomDomains(clients: AwsClients): Promise<CustomDomain[]>;
  customDomainUrlsOf(domains: readonly CustomDomain[], api: { id: string; kind: AwsApiKind }, stage: string): string[];
  /** The mapping to create, or throws an AwsError saying why AWS would refuse it. */
  planStageMapping(request: StageMappingRequest): StageMappingPlan;
  formatStageMappingPlan(plan: StageMappingPlan): string;
  createStageMapping(clients: AwsClients, plan: StageMappingPlan): Promise<DomainMapping>;
  /** API Gateway's prices for a region from the AWS Price List API (Estimate Monthly Cost). Optional: fakes may omit it. */
  fetchPriceTable?(clients: AwsClients, region?: string): Promise<PriceTable>;
  /** A stage's CloudWatch metrics (Estimate Monthly Cost reads its last 30 days of requests). Optional: fakes may omit it. */
  getStageMetrics?(
    clients: AwsClients,
    request: {
      api: { kind: AwsApiKind; id: string; name?: string };
      stage: string;
      windowMs: number;
      periodSeconds?: number;
    },
  ): Promise<MetricsReport>;
}
