import { performance } from 'node:perf_hooks';
import type { AwsClients, AwsProblem } from '../../aws/types';
import type { Logger } from '../../shared/logger';
import { endpointUrlProblem, resolvePlace, type PlaceSettings, type ResolvedPlace } from './awsPlace';
import type { AwsFacade } from './facade';

export interface AwsConnectionDeps {
  /** Loads dist/aws.js (loadAws in the extension, a fake in tests); may throw. */
  load(): AwsFacade;
  settings(): PlaceSettings;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  /** A throttled (or otherwise retryable) call is sent again, for the `retry`th time (1 = first), after `delayMs`. */
  onRetry?(operation: string, retry: number, delayMs: number): void;
}

/** The facade, the place and its clients: what every AWS call of the extension needs. */
export interface Connected {
  facade: AwsFacade;
  resolved: ResolvedPlace;
  clients: AwsClients;
}

/** An expected failure found before any AWS call (bad setting, missing bundle), told as a problem. */
export class PlaceProblem extends Error {
  override readonly name = 'PlaceProblem';
  constructor(readonly problem: AwsProblem) {
    super(problem.message);
  }
}

/**
 * The extension's way to AWS: loads the SDK bundle on first use, resolves the place from the settings (the
 * profile's region needs the shared config files, read by the bundle) and keeps one set of clients per place.
 * `reset()` forgets the place and the clients (settings changed, Refresh). No `vscode` here.
 */
export class AwsConnection {
  private facadeLoaded?: AwsFacade;
  private connecting?: Promise<Connected>;
  private resolvedPlace?: ResolvedPlace;
  /** Counts resets, so a connect that a reset overtook does not publish its (old) place. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: AwsConnectionDeps) {}

  /** The place of the last successful connect, if any (the status bar shows it). */
  get resolved(): ResolvedPlace | undefined {
    return this.resolvedPlace;
  }

  /** Whether the SDK bundle has been loaded (the activation guard in tests reads it). */
  get loaded(): boolean {
    return this.facadeLoaded !== undefined;
  }

  /** Called after every reset and every newly resolved place. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The facade, loading dist/aws.js on first use; throws a PlaceProblem when it cannot be loaded. */
  facade(): AwsFacade {
    if (this.facadeLoaded) return this.facadeLoaded;
    const started = performance.now();
    try {
      this.facadeLoaded = this.deps.load();
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      this.deps.logger.error(`AWS: could not load the AWS SDK bundle: ${reason}`);
      throw new PlaceProblem({
        kind: 'service',
        message: `The AWS part of API Gateway Studio could not be loaded (${reason}). Reinstall the extension.`,
      });
    }
    this.deps.logger.info(`AWS: loaded the AWS SDK in ${(performance.now() - started).toFixed(1)} ms`);
    return this.facadeLoaded;
  }

  /** The facade, the place and its clients; the same promise until reset(). */
  connect(): Promise<Connected> {
    this.connecting ??= this.open();
    const connecting = this.connecting;
    // A failed connect is not kept: the next call (Retry) tries again.
    connecting.catch(() => {
      if (this.connecting === connecting) this.connecting = undefined;
    });
    return connecting;
  }

  /** Forgets the place and the clients: the next connect() reads the settings and the profiles again. */
  reset(): void {
    this.generation++;
    this.connecting = undefined;
    this.resolvedPlace = undefined;
    this.fire();
  }

  /** A failure of `operation` told for people: which failure and what to do, never a stack trace. */
  describe(error: unknown, operation?: string): AwsProblem {
    if (error instanceof PlaceProblem) return error.problem;
    const place = this.resolvedPlace?.place;
    const context = {
      ...(operation !== undefined ? { operation } : {}),
      ...(place?.profile !== undefined ? { profile: place.profile } : {}),
      ...(place ? { region: place.region } : {}),
      ...(place?.endpointUrl !== undefined ? { endpoint: place.endpointUrl } : {}),
    };
    try {
      return this.facade().describeProblem(error, context);
    } catch {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { kind: 'service', message: message ?? 'Unknown error', ...(operation ? { operation } : {}) };
    }
  }

  private async open(): Promise<Connected> {
    const generation = this.generation;
    const settings = this.deps.settings();
    const endpointProblem = endpointUrlProblem(settings.endpointUrl);
    if (endpointProblem !== undefined) throw new PlaceProblem({ kind: 'badRequest', message: endpointProblem });
    const facade = this.facade();
    const resolved = resolvePlace(settings, await this.profiles(facade), this.deps.env);
    const { logger } = this.deps;
    const clients = facade.createClients(resolved.place, {
      logger,
      onRetry: ({ operation, attempt, delayMs, errorName }) => {
        logger.info(`AWS: ${operation} failed (${errorName}); retry ${attempt - 1} in ${delayMs} ms`);
        this.deps.onRetry?.(operation, attempt - 1, delayMs);
      },
    });
    if (generation === this.generation) {
      this.resolvedPlace = resolved;
      this.fire();
    }
    return { facade, resolved, clients };
  }

  /** The shared config profiles; a config file that cannot be read counts as none (the SDK will say more). */
  private async profiles(facade: AwsFacade): Promise<Awaited<ReturnType<AwsFacade['listProfiles']>>> {
    try {
      return await facade.listProfiles();
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      this.deps.logger.warn(`AWS: could not read the profiles of the shared config files: ${reason}`);
      return [];
    }
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
