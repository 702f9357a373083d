import { randomUUID } from 'node:crypto';
import type { Logger } from '../shared/logger';
import { nullLogger } from '../shared/logger';
import type { GatewayError } from './errors';
import { renderGatewayError } from './gatewayResponses';
import type { LambdaInvoker } from './lambda/invoker';
import { corsPreflightStage, corsResponseStage } from './stages/cors';
import { routeStage } from './stages/route';
import { restCorsPreflightStage } from './stages/restCors';
import { throttlingStage } from './stages/throttling';
import { cacheLookupStage, cacheStoreStage } from './stages/caching';
import { methodRequestStage } from './stages/methodRequest';
import { integrationRequestStage } from './stages/integrationRequest';
import { integrationStage } from './stages/integration';
import { integrationResponseStage } from './stages/integrationResponse';
import { vtlRenderer, type TemplateRenderer } from './templates';
import type { Exchange, MockRequest, MockResponse, RequestEvent, ServedApi } from './types';

/** What stages share: injected so tests (and the editor) can replace any of them. */
export interface StageServices {
  renderer: TemplateRenderer;
  lambda: LambdaInvoker;
  logger: Logger;
}

/**
 * One step of the pipeline. It reads and updates the exchange; it returns a GatewayError to stop the request
 * with a gateway response, or nothing to go on. A stage that sets `ex.response` ends the request normally
 * (proxy integrations, CORS preflight); `finally` stages still run.
 */
export interface Stage {
  name: string;
  run(ex: Exchange, services: StageServices): Promise<GatewayError | undefined> | GatewayError | undefined;
}

export interface PipelineOptions {
  /** The stages up to the response, in order (default: API Gateway's). */
  stages?: Stage[];
  /** Stages that run on every response, including gateway responses (default: cache store, CORS headers). */
  finally?: Stage[];
  renderer?: TemplateRenderer;
  logger?: Logger;
}

export const defaultStages: Stage[] = [
  corsPreflightStage,
  restCorsPreflightStage,
  routeStage,
  throttlingStage,
  methodRequestStage,
  cacheLookupStage,
  integrationRequestStage,
  integrationStage,
  integrationResponseStage,
];

export const defaultFinallyStages: Stage[] = [cacheStoreStage, corsResponseStage];

export class Pipeline {
  private readonly stages: Stage[];
  private readonly finallyStages: Stage[];
  private readonly services: StageServices;

  constructor(lambda: LambdaInvoker, options: PipelineOptions = {}) {
    this.stages = options.stages ?? defaultStages;
    this.finallyStages = options.finally ?? defaultFinallyStages;
    this.services = { renderer: options.renderer ?? vtlRenderer, lambda, logger: options.logger ?? nullLogger };
  }

  /** Answers one request. Never throws: a bug in a stage becomes a 500 and is logged. */
  async handle(served: ServedApi, request: MockRequest): Promise<{ response: MockResponse; event: RequestEvent }> {
    const ex = newExchange(served, request);
    for (const stage of this.stages) {
      if (ex.response !== undefined) break;
      const error = await this.runStage(stage, ex);
      if (error !== undefined) {
        ex.error = error;
        ex.response = renderGatewayError(ex, error, this.services.renderer);
        ex.trace.push({
          stage: 'gatewayResponse',
          detail: `${error.kind.type} ${ex.response.status}: ${error.reason}`,
          ms: 0,
        });
        break;
      }
    }
    ex.response ??= renderGatewayError(
      ex,
      { kind: { type: 'DEFAULT_5XX', status: 500, message: 'Internal server error' }, reason: 'no stage answered' },
      this.services.renderer,
    );
    for (const stage of this.finallyStages) await this.runStage(stage, ex);
    const response = ex.response;
    const event: RequestEvent = {
      requestId: ex.requestId,
      method: request.method,
      path: request.path,
      status: response.status,
      latencyMs: Date.now() - ex.startedAt,
      trace: ex.trace,
      logs: ex.logs,
    };
    if (ex.match !== undefined) event.route = ex.match.routeKey;
    return { response, event };
  }

  private async runStage(stage: Stage, ex: Exchange): Promise<GatewayError | undefined> {
    const started = performance.now();
    const before = ex.trace.length;
    try {
      const pending = stage.run(ex, this.services);
      // Most stages answer synchronously: awaiting only promises saves a microtask turn per stage.
      const error = pending instanceof Promise ? await pending : pending;
      if (ex.trace.length > before) {
        const ms = performance.now() - started;
        for (let i = before; i < ex.trace.length; i++) if (ex.trace[i]!.stage === stage.name) ex.trace[i]!.ms = ms;
      }
      return error;
    } catch (bug) {
      this.services.logger.error(bug instanceof Error ? bug : String(bug));
      return {
        kind: { type: 'DEFAULT_5XX', status: 500, message: 'Internal server error', spaced: true },
        reason: `Internal error in the mock runtime's ${stage.name} stage (${bug instanceof Error ? bug.message : String(bug)}); please report it.`,
      };
    }
  }
}

function newExchange(served: ServedApi, request: MockRequest): Exchange {
  return {
    served,
    request,
    requestId: randomUUID(),
    startedAt: Date.now(),
    path: request.path,
    query: parseQuery(request.query),
    trace: [],
    logs: [],
  };
}

export function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(query)) (result[name] ??= []).push(value);
  return result;
}
