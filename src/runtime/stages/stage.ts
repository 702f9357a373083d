// What a stage of the pipeline is and what it is given. A module of its own, so the stages (stages/*,
// contract/stage.ts) need not import the pipeline (pipeline.ts) that imports them.
import type { Logger } from '../../shared/logger';
import type { GatewayError } from '../errors';
import type { LambdaInvoker } from '../lambda/invoker';
import type { TemplateRenderer } from '../templates';
import type { Exchange, ServedApi } from '../types';

/** What stages share: injected so tests (and the editor) can replace any of them. */
export interface StageServices {
  renderer: TemplateRenderer;
  lambda: LambdaInvoker;
  logger: Logger;
  /** The gateway's clock (epoch ms): SigV4's ±5 minutes are counted on it (tests fix it). */
  now: () => number;
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
