import { performance } from 'node:perf_hooks';
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
import { iamStage } from './stages/iam';
import { integrationRequestStage } from './stages/integrationRequest';
import { integrationStage } from './stages/integration';
import { integrationResponseStage } from './stages/integrationResponse';
import type { Stage, StageServices } from './stages/stage';
import { contractStage } from './contract/stage';
import { vtlRenderer, type TemplateRenderer } from './templates';
import { headerProblem } from './text';
import type { Exchange, MockRequest, MockResponse, RequestEvent, ServedApi } from './types';
import { dict } from '../shared/dict';

type StageOutcome = Promise<GatewayError | undefined> | GatewayError | undefined;

/** What the pipeline answers: the response, and the request's event (trace, logs, latency). */
export interface Outcome {
  response: MockResponse;
  event: RequestEvent;
  /** The request's state once answered: what the access log and the local metrics read (accessLog/httpRecord.ts). */
  exchange: Exchange;
}

export interface PipelineOptions {
  /** The stages up to the response, in order (default: API Gateway's). */
  stages?: Stage[];
  /** Stages that run on every response, including gateway responses (default: cache store, CORS headers). */
  finally?: Stage[];
  renderer?: TemplateRenderer;
  logger?: Logger;
  /** The gateway's clock (default Date.now). */
  now?: () => number;
}

export const defaultStages: Stage[] = [
  corsPreflightStage,
  restCorsPreflightStage,
  routeStage,
  throttlingStage,
  iamStage,
  methodRequestStage,
  cacheLookupStage,
  integrationRequestStage,
  integrationStage,
  integrationResponseStage,
];

/** The contract check comes last: it checks what the client gets (contract/stage.ts). */
export const defaultFinallyStages: Stage[] = [cacheStoreStage, corsResponseStage, contractStage];

export class Pipeline {
  private readonly stages: Stage[];
  private readonly finallyStages: Stage[];
  private readonly services: StageServices;
  /** The stages that apply to a served API (computed on its first request; a reload is a new ServedApi). */
  private readonly applicable = new WeakMap<ServedApi, { stages: Stage[]; finally: Stage[] }>();
  /** The last API served and its stages (one look-up less per request; the WeakMap holds them all). */
  private lastServed: ServedApi | undefined;
  private lastApplicable: { stages: Stage[]; finally: Stage[] } | undefined;

  constructor(lambda: LambdaInvoker, options: PipelineOptions = {}) {
    this.stages = options.stages ?? defaultStages;
    this.finallyStages = options.finally ?? defaultFinallyStages;
    this.services = {
      renderer: options.renderer ?? vtlRenderer,
      lambda,
      logger: options.logger ?? nullLogger,
      now: options.now ?? Date.now,
    };
  }

  /** Answers one request, with its full trace. Never throws: a bug in a stage becomes a 500 and is logged. */
  async handle(served: ServedApi, request: MockRequest): Promise<Outcome> {
    return this.run(served, request);
  }

  /**
   * Answers one request, synchronously when every stage does (MOCK integrations without authorizers: no
   * promise and no microtask turn), else with a promise from the first stage that waits on. Never throws.
   * Without `trace`, the event's trace holds only the steps of what went wrong (see Exchange.tracing).
   */
  run(served: ServedApi, request: MockRequest, trace = true): Outcome | Promise<Outcome> {
    const ex = newExchange(served, request, trace);
    const { stages, finally: finallyStages } = this.stagesFor(served);
    const clock = { mark: performance.now() };
    for (let i = 0; i < stages.length; i++) {
      if (ex.response !== undefined) break;
      const pending = this.runStage(stages[i]!, ex, clock);
      if (pending instanceof Promise) return this.runOn(ex, stages, i, pending, finallyStages, clock);
      if (pending !== undefined) {
        this.fail(ex, pending);
        break;
      }
    }
    return this.finish(ex, finallyStages, clock);
  }

  /** The rest of `run` once stage `i` returned a promise. */
  private async runOn(
    ex: Exchange,
    stages: Stage[],
    i: number,
    pending: Promise<GatewayError | undefined>,
    finallyStages: Stage[],
    clock: { mark: number },
  ): Promise<Outcome> {
    let error = await pending;
    for (;;) {
      if (error !== undefined) {
        this.fail(ex, error);
        break;
      }
      i++;
      if (i >= stages.length || ex.response !== undefined) break;
      const next = this.runStage(stages[i]!, ex, clock);
      error = next instanceof Promise ? await next : next;
    }
    return this.finish(ex, finallyStages, clock);
  }

  /** A stage stopped the request: the gateway response for its error. */
  private fail(ex: Exchange, error: GatewayError): void {
    ex.error = error;
    ex.response = renderGatewayError(ex, error, this.services.renderer);
    ex.trace.push({
      stage: 'gatewayResponse',
      detail: `${error.kind.type} ${ex.response.status}: ${error.reason}`,
      ms: 0,
    });
  }

  /** The finally stages (on every response), then the outcome. */
  private finish(ex: Exchange, finallyStages: Stage[], clock: { mark: number }): Outcome | Promise<Outcome> {
    ex.response ??= renderGatewayError(
      ex,
      { kind: { type: 'DEFAULT_5XX', status: 500, message: 'Internal server error' }, reason: 'no stage answered' },
      this.services.renderer,
    );
    const problem = responseProblem(ex.response);
    if (problem !== undefined) {
      // A status or header from the definition or a template that HTTP cannot carry: API Gateway's 500.
      ex.trace.push({ stage: 'gatewayResponse', detail: `API_CONFIGURATION_ERROR 500: ${problem}`, ms: 0 });
      ex.response = {
        status: 500,
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from('{"message": "Internal server error"}'),
      };
    }
    for (let i = 0; i < finallyStages.length; i++) {
      const pending = this.runStage(finallyStages[i]!, ex, clock);
      if (pending instanceof Promise) return this.finishOn(ex, finallyStages, i, pending, clock);
    }
    return outcomeOf(ex);
  }

  private async finishOn(
    ex: Exchange,
    finallyStages: Stage[],
    i: number,
    pending: Promise<GatewayError | undefined>,
    clock: { mark: number },
  ): Promise<Outcome> {
    await pending;
    for (i++; i < finallyStages.length; i++) {
      const next = this.runStage(finallyStages[i]!, ex, clock);
      if (next instanceof Promise) await next;
    }
    return outcomeOf(ex);
  }

  private stagesFor(served: ServedApi): { stages: Stage[]; finally: Stage[] } {
    if (served === this.lastServed && this.lastApplicable !== undefined) return this.lastApplicable;
    let applicable = this.applicable.get(served);
    if (applicable === undefined) {
      const applies = (stage: Stage): boolean => stage.appliesTo?.(served) ?? true;
      applicable = { stages: this.stages.filter(applies), finally: this.finallyStages.filter(applies) };
      this.applicable.set(served, applicable);
    }
    this.lastServed = served;
    this.lastApplicable = applicable;
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

/** Why a response cannot be sent as it is (a status out of 100-599, a header HTTP cannot carry), or undefined. */
function responseProblem(response: MockResponse): string | undefined {
  const status = response.status;
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return `the response status ${String(status)} is not an HTTP status (100-599): fix the integration response's statusCode or $context.responseOverride.status.`;
  }
  const headers = response.headers;
  for (const name in headers) {
    const problem = headerProblem(name, headers[name]!);
    if (problem !== undefined)
      return `${problem}: fix the response parameter mapping or the template override that sets it.`;
  }
  return undefined;
}

function outcomeOf(ex: Exchange): Outcome {
  const response = ex.response!;
  const event: RequestEvent = {
    requestId: ex.requestId,
    method: ex.request.method,
    path: ex.request.publicPath ?? ex.request.path,
    status: response.status,
    latencyMs: Date.now() - ex.startedAt,
    trace: ex.trace,
    logs: ex.logs,
  };
  if (ex.match !== undefined) event.route = ex.match.routeKey;
  return { response, event, exchange: ex };
}

function newExchange(served: ServedApi, request: MockRequest, tracing: boolean): Exchange {
  return {
    served,
    request,
    requestId: newRequestId(),
    startedAt: Date.now(),
    path: request.path,
    query: parseQuery(request.query),
    // Every field from the start: one object shape through all the stages (faster property access).
    match: undefined,
    authorizer: undefined,
    iam: undefined,
    apiKey: undefined,
    call: undefined,
    result: undefined,
    integration: undefined,
    response: undefined,
    error: undefined,
    tracing,
    trace: [],
    logs: [],
  };
}

export function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = dict();
  if (query === '') return result;
  for (const [name, value] of new URLSearchParams(query)) (result[name] ??= []).push(value);
  return result;
}
