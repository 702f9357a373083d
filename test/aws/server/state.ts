// What the test double remembers between calls: REST APIs (v1) with their definition, model, deployments and stages;
// HTTP and WebSocket APIs (v2) with routes, integrations, authorizers, route responses, deployments and stages.
// Tests may read it, or seed it directly (e.g. 500 APIs for pagination) without going through the wire.
import type { IncomingHttpHeaders } from 'node:http';
import { buildRestModel, type IdMaps, type RestModel } from './restImport';
import { compact, epochSeconds, IdGenerator, isoDate, type Json } from './util';

export interface RestDeployment {
  /** Deployment in the API Reference's shape (id, description, createdDate, apiSummary). */
  wire: Json;
  /** The definition and model as they were when deployed: what GetExport and TestInvokeMethod see. */
  definition: Json;
  model: RestModel;
}

export interface RestApiRecord {
  /** RestApi in the API Reference's shape, without `warnings` (only import answers carry them). */
  wire: Json;
  /** The stored definition, paths already carrying the base path (what import and put-merge produce). */
  definition: Json;
  model: RestModel;
  ids: IdMaps;
  deployments: Map<string, RestDeployment>;
  /** Stage in the API Reference's shape, by stage name. */
  stages: Map<string, Json>;
}

export interface HttpApiSnapshot {
  api: Json;
  routes: Json[];
  integrations: Json[];
  authorizers: Json[];
}

export interface HttpApiRecord {
  /** Api in the API Reference's shape (apiId, name, protocolType, …; dates as ISO strings). */
  wire: Json;
  routes: Map<string, Json>;
  integrations: Map<string, Json>;
  authorizers: Map<string, Json>;
  /** By route id, then route response id. */
  routeResponses: Map<string, Map<string, Json>>;
  deployments: Map<string, { wire: Json; snapshot: HttpApiSnapshot }>;
  stages: Map<string, Json>;
}

/** How TestInvokeMethod answers for integrations other than MOCK (the double calls no backend). */
export type InvokeResponder = (input: {
  restApiId: string;
  resourcePath: string;
  httpMethod: string;
  integration: Json;
  request: Json;
}) => { status: number; body?: string; headers?: Record<string, string> };

/** A request to a deployed HTTP API's stage (the execute-api plane), as the responder sees it. */
export interface ExecuteApiRequest {
  apiId: string;
  stage: string;
  /** The route it matched, e.g. 'GET /notes/{noteId}'. */
  routeKey: string;
  method: string;
  /** Without the stage: '/notes/7'. */
  path: string;
  pathParameters: Record<string, string>;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a deployed HTTP API route answers (the double calls no backend); undefined: a JSON echo of the request. */
export type ExecuteApiResponder = (
  request: ExecuteApiRequest,
) => { status: number; body?: string; headers?: Record<string, string> } | undefined;

/** A CloudWatch Logs event as tests seed it; `logStream` defaults to 'stream-1', `ingestionTime` to `timestamp`. */
export interface LogEventRecord {
  timestamp: number;
  message: string;
  logStream?: string;
  ingestionTime?: number;
}

/** A log group: created by CreateLogGroup or seeded by tests. */
export interface LogGroupRecord {
  name: string;
  arn: string;
  creationTime: number;
  retentionInDays?: number;
  events: LogEventRecord[];
}

/** One CloudWatch metric with its datapoints as tests seed them (one value per timestamp, at any resolution). */
export interface MetricRecord {
  namespace: string;
  metricName: string;
  /** e.g. { ApiName: 'Pets', Stage: 'prod' } for REST, { ApiId: 'a1b2c3', Stage: 'prod' } for HTTP / WebSocket. */
  dimensions: Record<string, string>;
  /** Raw samples: GetMetricData aggregates them into each period with the statistic asked for. */
  samples: { timestamp: number; value: number }[];
  unit?: string;
}

/** One API mapping of a custom domain: v1 calls it a base path mapping, v2 an API mapping (one store, two views). */
export interface DomainMappingRecord {
  /** v2's ApiMappingId. */
  id: string;
  /** The base path / ApiMappingKey; '' for the empty one (v1 shows '(none)'). */
  key: string;
  apiId: string;
  stage: string;
}

/** A custom domain name, as both API versions describe it (they are the same resource). */
export interface DomainNameRecord {
  domainName: string;
  endpointType: 'EDGE' | 'REGIONAL';
  certificateArn: string;
  certificateName?: string;
  certificateUploadDate?: Date;
  /** 'TLS_1_0' | 'TLS_1_2' (v2's names; v1 answers the same). */
  securityPolicy: string;
  /** Mutual TLS: the truststore's S3 URI (and version). */
  truststoreUri?: string;
  truststoreVersion?: string;
  routingMode?: string;
  status?: string;
  /** By key ('' for the empty base path). */
  mappings: Map<string, DomainMappingRecord>;
}

export class AwsState {
  readonly restApis = new Map<string, RestApiRecord>();
  readonly apis = new Map<string, HttpApiRecord>();
  /** CloudWatch Logs log groups, by name. */
  readonly logGroups = new Map<string, LogGroupRecord>();
  /** CloudWatch metrics (seeded by tests; the double computes statistics from the samples). */
  readonly metrics: MetricRecord[] = [];
  /** Custom domain names with their mappings, by domain name (seeded by tests with addDomainName). */
  readonly domainNames = new Map<string, DomainNameRecord>();
  invokeResponder: InvokeResponder | undefined;
  executeApiResponder: ExecuteApiResponder | undefined;
  ids: IdGenerator;
  /** API Gateway's account settings in the region (GetAccount, UpdateAccount): no CloudWatch Logs role until set. */
  readonly account: { cloudwatchRoleArn?: string } = {};

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {
    this.ids = new IdGenerator();
  }

  reset(): void {
    this.restApis.clear();
    this.apis.clear();
    this.logGroups.clear();
    this.metrics.length = 0;
    this.domainNames.clear();
    this.invokeResponder = undefined;
    this.executeApiResponder = undefined;
    this.ids = new IdGenerator();
    delete this.account.cloudwatchRoleArn;
  }

  /** Adds a log group (a test seeding logs, or CreateLogGroup); an existing group of that name is kept. */
  addLogGroup(name: string, events: LogEventRecord[] = [], creationTime = Date.now()): LogGroupRecord {
    const existing = this.logGroups.get(name);
    if (existing) {
      existing.events.push(...events);
      return existing;
    }
    const record: LogGroupRecord = {
      name,
      arn: `arn:aws:logs:${this.region}:${this.accountId}:log-group:${name}:*`,
      creationTime,
      events: [...events],
    };
    this.logGroups.set(name, record);
    return record;
  }

  /** Adds (or replaces) a custom domain name; certificate and TLS policy default to a regional TLS 1.2 domain's. */
  addDomainName(
    input: Partial<Omit<DomainNameRecord, 'mappings'>> & { domainName: string },
    mappings: { key?: string; apiId: string; stage: string }[] = [],
  ): DomainNameRecord {
    const record: DomainNameRecord = {
      endpointType: 'REGIONAL',
      certificateArn: `arn:aws:acm:${this.region}:${this.accountId}:certificate/${this.newId(8)}`,
      securityPolicy: 'TLS_1_2',
      status: 'AVAILABLE',
      ...input,
      mappings: new Map(),
    };
    for (const m of mappings) {
      const key = m.key ?? '';
      record.mappings.set(key, { id: this.newId(6), key, apiId: m.apiId, stage: m.stage });
    }
    this.domainNames.set(record.domainName, record);
    return record;
  }

  newId(length: number): string {
    return this.ids.next(length);
  }

  /** A REST API with an (already checked) definition, as ImportRestApi leaves it. */
  createRestApi(input: { name: string; definition?: Json; wire?: Json }): RestApiRecord {
    const id = this.newId(10);
    const rootResourceId = this.newId(10);
    const ids: IdMaps = {
      resources: new Map(),
      authorizers: new Map(),
      models: new Map(),
      newId: (n) => this.newId(n),
    };
    const definition = input.definition ?? { openapi: '3.0.1', info: { title: input.name, version: '1.0' }, paths: {} };
    const record: RestApiRecord = {
      wire: compact({
        id,
        name: input.name,
        createdDate: epochSeconds(new Date()),
        apiKeySource: 'HEADER',
        endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
        disableExecuteApiEndpoint: false,
        rootResourceId,
        apiStatus: 'AVAILABLE',
        ...input.wire,
      }),
      definition,
      model: buildRestModel(definition, ids, rootResourceId),
      ids,
      deployments: new Map(),
      stages: new Map(),
    };
    this.restApis.set(id, record);
    return record;
  }

  /** An HTTP or WebSocket API with no routes yet, as CreateApi / ImportApi start it. */
  createApi(input: { name: string; protocolType: 'HTTP' | 'WEBSOCKET'; wire?: Json }): HttpApiRecord {
    const apiId = this.newId(10);
    const ws = input.protocolType === 'WEBSOCKET';
    const record: HttpApiRecord = {
      wire: compact({
        apiId,
        name: input.name,
        protocolType: input.protocolType,
        routeSelectionExpression: ws ? '$request.body.action' : '$request.method $request.path',
        apiKeySelectionExpression: '$request.header.x-api-key',
        apiEndpoint: `${ws ? 'wss' : 'https'}://${apiId}.execute-api.${this.region}.amazonaws.com`,
        createdDate: isoDate(new Date()),
        disableExecuteApiEndpoint: false,
        ipAddressType: 'ipv4',
        tags: {},
        ...input.wire,
      }),
      routes: new Map(),
      integrations: new Map(),
      authorizers: new Map(),
      routeResponses: new Map(),
      deployments: new Map(),
      stages: new Map(),
    };
    this.apis.set(apiId, record);
    return record;
  }
}
