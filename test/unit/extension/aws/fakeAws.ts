import type {
  AwsClients,
  AwsPlace,
  AwsProblem,
  DeployedApiDetails,
  DeployedApiSummary,
} from '../../../../src/aws/types';
import { customDomainUrlsOf } from '../../../../src/aws/domains/domainUrls';
import { formatStageMappingPlan, planStageMapping } from '../../../../src/aws/domains/planMapping';
import type { CustomDomain } from '../../../../src/aws/domains/types';
import type { Logger } from '../../../../src/shared/logger';
import { AwsConnection } from '../../../../src/extension/aws/awsConnection';
import type { PlaceSettings } from '../../../../src/extension/aws/awsPlace';
import type { AwsFacade } from '../../../../src/extension/aws/facade';

/** An error as the SDK throws it: a name (the AWS error code) and a message. */
export function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** What the fake facade was asked, for assertions about laziness. */
export interface FakeCalls {
  createClients: AwsPlace[];
  listPages: number;
  apisPulled: number;
  details: string[];
  exports: unknown[];
  deletes: unknown[];
  /** Custom domain listings, and the mappings created. */
  domainLists: number;
  mappings: unknown[];
}

export interface FakeOptions {
  apis?: DeployedApiSummary[];
  /** How many APIs one (fake) AWS page holds. */
  awsPageSize?: number;
  /** Thrown by the listing after `failAfter` APIs (0: at once). */
  listError?: Error;
  failAfter?: number;
  details?: (api: DeployedApiSummary) => DeployedApiDetails | Promise<DeployedApiDetails>;
  profiles?: Awaited<ReturnType<AwsFacade['listProfiles']>>;
  whoAmI?: { account: string; arn: string } | Error;
  /** The place's custom domain names (none by default), or the error listing them throws. */
  domains?: CustomDomain[] | Error;
}

/** A fake of dist/aws.js: APIs paged as the core's async generator pages them, failures as the SDK's errors. */
export function fakeFacade(options: FakeOptions = {}): { facade: AwsFacade; calls: FakeCalls } {
  const calls: FakeCalls = {
    createClients: [],
    listPages: 0,
    apisPulled: 0,
    details: [],
    exports: [],
    deletes: [],
    domainLists: 0,
    mappings: [],
  };
  const apis = options.apis ?? [];
  const awsPageSize = options.awsPageSize ?? 25;
  const facade: AwsFacade = {
    createClients(place) {
      calls.createClients.push(place);
      return { place } as AwsClients;
    },
    listProfiles: () => Promise.resolve(options.profiles ?? []),
    describeProblem(error, context): AwsProblem {
      const name = error instanceof Error ? error.name : '';
      const message = error instanceof Error ? error.message : String(error);
      if (name === 'CredentialsProviderError') {
        return {
          kind: 'noCredentials',
          message: `No AWS credentials found for ${context.profile ?? 'the default chain'}.`,
        };
      }
      if (name === 'AccessDeniedException') {
        return {
          kind: 'accessDenied',
          message: `Access denied: ${message}`,
          operation: context.operation ?? '',
          action: 'apigateway:GET',
        };
      }
      return { kind: 'service', message: `AWS failed: ${message}`, requestId: 'req-1' };
    },
    async *listApis() {
      for (let start = 0; ; start += awsPageSize) {
        calls.listPages++;
        await Promise.resolve();
        if (options.listError && start >= (options.failAfter ?? 0)) throw options.listError;
        const page = apis.slice(start, start + awsPageSize);
        for (const api of page) {
          calls.apisPulled++;
          yield api;
        }
        if (start + awsPageSize >= apis.length) return;
      }
    },
    async getApiDetails(_clients, api) {
      calls.details.push(api.id);
      await Promise.resolve();
      if (!options.details) return { api, stages: [], routes: [], authorizers: [] };
      return options.details(api);
    },
    exportApi(_clients, request) {
      calls.exports.push(request);
      return Promise.resolve(request.format === 'json' ? '{"openapi":"3.0.1"}' : 'openapi: 3.0.1\n');
    },
    deleteStage(_clients, kind, apiId, stage) {
      calls.deletes.push({ kind, apiId, stage });
      return Promise.resolve();
    },
    whoAmI() {
      const who = options.whoAmI ?? { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/dev' };
      return who instanceof Error ? Promise.reject(who) : Promise.resolve(who);
    },
    listCustomDomains() {
      calls.domainLists++;
      const domains = options.domains ?? [];
      return domains instanceof Error ? Promise.reject(domains) : Promise.resolve(domains);
    },
    customDomainUrlsOf,
    planStageMapping,
    formatStageMappingPlan,
    createStageMapping(_clients, plan) {
      calls.mappings.push(plan);
      return Promise.resolve({ basePath: plan.basePath, apiId: plan.api.id, stage: plan.stage });
    },
  };
  return { facade, calls };
}

/** `n` APIs named api-000 … (REST and HTTP alternately). */
export function manyApis(n: number): DeployedApiSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `id${String(i).padStart(4, '0')}`,
    name: `api-${String(i).padStart(3, '0')}`,
    kind: i % 2 === 0 ? ('REST' as const) : ('HTTP' as const),
  }));
}

/** A logger that keeps every line. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string | Error, ...args: unknown[]): void => {
      lines.push(`${level} ${String(message)}${args.length > 0 ? ` ${args.map(String).join(' ')}` : ''}`);
    };
  return {
    lines,
    trace: keep('trace'),
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
  };
}

/** A connection over a fake facade, with settings the test can change. */
export function fakeConnection(
  facade: AwsFacade | (() => AwsFacade),
  settings: Partial<PlaceSettings> = {},
  env: Record<string, string | undefined> = {},
): {
  connection: AwsConnection;
  logger: ReturnType<typeof recordingLogger>;
  loads: () => number;
  settings: PlaceSettings;
} {
  const logger = recordingLogger();
  const current: PlaceSettings = { profile: '', region: 'eu-west-1', endpointUrl: '', ...settings };
  let loads = 0;
  const connection = new AwsConnection({
    load: () => {
      loads++;
      return typeof facade === 'function' ? facade() : facade;
    },
    settings: () => ({ ...current }),
    env,
    logger,
  });
  return { connection, logger, loads: () => loads, settings: current };
}
