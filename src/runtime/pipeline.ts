import type { Logger } from '../shared/logger';
import { nullLogger } from '../shared/logger';
import type { GatewayError } from './errors';
import { renderGatewayError } from './gatewayResponses';
import { newRequestId } from './requestId';
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
  /**
   * Whether the stage can do anything for this API (e.g. CORS stages for an API without CORS, throttling or
   * caching that is off): the pipeline leaves out stages that cannot, once per served API. Default: always.
   */
  appliesTo?(served: ServedApi): boolean;
}

type StageOutcome = Promise<GatewayError | undefined> | GatewayError | undefined;

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
  /** The stages that apply to a served API (computed on its first request; a reload is a new ServedApi). */
  private readonly applicable = new WeakMap<ServedApi, { stages: Stage[]; finally: Stage[] }>();

  constructor(lambda: LambdaInvoker, options: PipelineOptions = {}) {
    this.stages = options.stages ?? defaultStages;
    this.finallyStages = options.finally ?? defaultFinallyStages;
    this.services = { renderer: options.renderer ?? vtlRenderer, lambda, logger: options.logger ?? nullLogger };
  }

  /** Answers one request. Never throws: a bug in a stage becomes a 500 and is logged. */
  async handle(served: ServedApi, request: MockRequest): Promise<{ response: MockResponse; event: RequestEvent }> {
    const ex = newExchange(served, request);
    const { stages, finally: finallyStages } = this.stagesFor(served);
    const clock = { mark: performance.now() };
    for (const stage of stages) {
      if (ex.response !== undefined) break;
      // Most stages answer synchronously: awaiting only promises saves a microtask turn per stage.
      const pending = this.runStage(stage, ex, clock);
      const error = pending instanceof Promise ? await pending : pending;
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
    for (const stage of finallyStages) {
      const pending = this.runStage(stage, ex, clock);
      if (pending instanceof Promise) await pending;
    }
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

  private stagesFor(served: ServedApi): { stages: Stage[]; finally: Stage[] } {
    let applicable = this.applicable.get(served);
    if (applicable === undefined) {
      const applies = (stage: Stage): boolean => stage.appliesTo?.(served) ?? true;
      applicable = { stages: this.stages.filter(applies), finally: this.finallyStages.filter(applies) };
      this.applicable.set(served, applicable);
    }
    return applicable;
  }

  /**
   * Runs a stage, catching bugs. Steps the stage traced get its time: the time since the clock's mark, which
   * moves only after a stage that traced or waited (stages that neither trace nor wait do next to nothing, so
   * the clock is read a few times a request rather than twice a stage).
   */
  private runStage(stage: Stage, ex: Exchange, clock: { mark: number }): StageOutcome {
    const before = ex.trace.length;
    let pending: StageOutcome;
    try {
      pending = stage.run(ex, this.services);
    } catch (bug) {
      return this.stageBug(stage, bug);
    }
    if (pending instanceof Promise) {
      return pending.then(
        (error) => {
          this.timeSteps(stage, ex, before, clock);
          return error;
        },
        (bug: unknown) => this.stageBug(stage, bug),
      );
    }
    if (ex.trace.length > before) this.timeSteps(stage, ex, before, clock);
    return pending;
  }

  private timeSteps(stage: Stage, ex: Exchange, before: number, clock: { mark: number }): void {
    const now = performance.now();
    const ms = now - clock.mark;
    clock.mark = now;
    for (let i = before; i < ex.trace.length; i++) if (ex.trace[i]!.stage === stage.name) ex.trace[i]!.ms = ms;
  }

  private stageBug(stage: Stage, bug: unknown): GatewayError {
    this.services.logger.error(bug instanceof Error ? bug : String(bug));
    return {
      kind: { type: 'DEFAULT_5XX', status: 500, message: 'Internal server error', spaced: true },
      reason: `Internal error in the mock runtime's ${stage.name} stage (${bug instanceof Error ? bug.message : String(bug)}); please report it.`,
    };
  }
}

function newExchange(served: ServedApi, request: MockRequest): Exchange {
  return {
    served,
    request,
    requestId: newRequestId(),
    startedAt: Date.now(),
    path: request.path,
    query: parseQuery(request.query),
    trace: [],
    logs: [],
  };
}

export function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (query === '') return result;
  for (const [name, value] of new URLSearchParams(query)) (result[name] ??= []).push(value);
  return result;
}
