// The retry strategy of our clients: the SDK's "standard" mode (retry throttling and transient errors up to
// maxAttempts, exponential backoff with full jitter, a retry quota), written out so that each retry can be told
// before its wait: the SDK's own strategy sleeps inside itself, where nobody can see the delay. The SDK's retry
// middleware does the waiting (and stops it when the call is aborted) with the delay our token carries.
import type { APIGatewayClientConfig } from '@aws-sdk/client-api-gateway';

/** The SDK's RetryStrategyV2, taken from a client's config so that no internal package is imported. */
type RetryStrategyV2 = Extract<
  NonNullable<APIGatewayClientConfig['retryStrategy']>,
  { acquireInitialRetryToken: unknown }
>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

export const defaultMaxAttempts = 5;
/** The SDK's bases: 1 s for throttling, 50 ms for other retryable errors; no wait is longer than 20 s. */
const throttlingBaseMs = 1000;
const transientBaseMs = 50;
const maxDelayMs = 20_000;
/** The SDK's retry quota: a burst of failures stops retrying until calls succeed again. */
const initialCapacity = 500;
const throttlingCost = 5;
const transientCost = 14;

export interface RetryReport {
  error: unknown;
  /** The attempt about to be made: 2 is the first retry. */
  attempt: number;
  delayMs: number;
}

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
    readonly cost?: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

export class ReportingRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private capacity = initialCapacity;

  constructor(
    private readonly maxAttempts: number,
    private readonly report: (retry: RetryReport) => void,
    /** Math.random unless a test fixes it. */
    private readonly random: () => number = Math.random,
  ) {}

  acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return Promise.resolve(new Token(0, 0));
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const throttled = info.errorType === 'THROTTLING';
    const cost = throttled ? throttlingCost : transientCost;
    const retryable = throttled || info.errorType === 'TRANSIENT';
    const count = token.getRetryCount();
    if (!retryable || count + 1 >= this.maxAttempts || this.capacity < cost) {
      // The middleware rethrows the call's own error; this one is never seen.
      return Promise.reject(new Error('No retry token available'));
    }
    let delayMs = Math.floor(
      this.random() * Math.min((throttled ? throttlingBaseMs : transientBaseMs) * 2 ** count, maxDelayMs),
    );
    const hint = info.retryAfterHint;
    if (hint instanceof Date) delayMs = Math.max(delayMs, Math.min(hint.getTime() - Date.now(), delayMs + 5000));
    this.capacity -= cost;
    this.report({ error: info.error, attempt: count + 2, delayMs });
    return Promise.resolve(new Token(count + 1, delayMs, cost));
  }

  recordSuccess(token: RetryToken): void {
    this.capacity = Math.min(initialCapacity, this.capacity + ((token as Token).cost ?? 1));
  }
}
