// The SDK clients of one place (profile, region, endpoint): one credential chain shared by all the clients,
// our retry strategy (so each retry can be shown), and a logger middleware that writes one debug line per call.
// The log holds the operation, status, duration, attempts and request id, never a header, a body or a credential:
// the middleware sits outside signing and serialisation and reads only the output's $metadata.
import { APIGatewayClient, type APIGatewayClientConfig } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { STSClient } from '@aws-sdk/client-sts';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { PricingClient } from '@aws-sdk/client-pricing';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { nullLogger, type Logger } from '../shared/logger';
import { operationOf, tagOperation } from './operationTag';
import { badInput, requireText } from './guard';
import { defaultMaxAttempts, ReportingRetryStrategy } from './retry';
import type { AwsClients, AwsPlace, RetryListener } from './types';

export interface ClientOptions {
  logger?: Logger;
  /** Instead of the SDK's default chain for `place.profile` (tests; a caller that resolved credentials itself). */
  credentials?: APIGatewayClientConfig['credentials'];
  /** Attempts per call, the first included (default 5, or AWS_MAX_ATTEMPTS). */
  maxAttempts?: number;
  onRetry?: RetryListener;
  /** Replaces the HTTP handler of every client (tests). */
  requestHandler?: APIGatewayClientConfig['requestHandler'];
  /** Backoff jitter in [0, 1) (tests fix it to make delays short and known). */
  random?: () => number;
}

/** The Price List API's own regions: a place elsewhere asks the nearest of them (prices are the same everywhere). */
export function pricingRegion(region: string): string {
  if (region === 'eu-central-1' || region === 'ap-south-1' || region === 'us-east-1') return region;
  if (region.startsWith('eu-') || region.startsWith('me-') || region.startsWith('af-') || region.startsWith('il-'))
    return 'eu-central-1';
  if (region.startsWith('ap-')) return 'ap-south-1';
  return 'us-east-1';
}

/** The parts of the SDK's middleware stack we use, common to all the clients. */
interface Stack {
  add(middleware: unknown, options: { step: string; name: string; priority?: string; tags?: string[] }): void;
}
type Next = (args: unknown) => Promise<{ output: { $metadata?: Metadata } }>;
interface Metadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}
interface Context {
  commandName?: string;
  clientName?: string;
}

/** 'GetRestApisCommand' → 'GetRestApis'. */
const operationName = (context: Context): string => (context.commandName ?? 'call').replace(/Command$/, '');

function describeMetadata(metadata: Metadata | undefined): string {
  const parts: string[] = [];
  if (metadata?.attempts !== undefined && metadata.attempts > 1) parts.push(`${metadata.attempts} attempts`);
  if (metadata?.requestId) parts.push(`request id ${metadata.requestId}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function instrument(stack: Stack, service: string, logger: Logger): void {
  // Outermost: one line per call, after every retry.
  stack.add(
    (next: Next, context: Context) => async (args: unknown) => {
      const started = performance.now();
      const operation = operationName(context);
      try {
        const result = await next(args);
        const metadata = result.output.$metadata;
        const ms = Math.round(performance.now() - started);
        logger.debug(
          `${service} ${operation} → ${metadata?.httpStatusCode ?? '?'} in ${ms} ms${describeMetadata(metadata)}`,
        );
        return result;
      } catch (error) {
        tagOperation(error, operation);
        const metadata = (error as { $metadata?: Metadata } | null)?.$metadata;
        const ms = Math.round(performance.now() - started);
        const status = metadata?.httpStatusCode !== undefined ? ` ${metadata.httpStatusCode}` : '';
        logger.debug(
          `${service} ${operation} failed: ${errorName(error)}${status} after ${ms} ms${describeMetadata(metadata)}`,
        );
        throw error;
      }
    },
    { step: 'initialize', name: 'apigwLogger', priority: 'high', tags: ['APIGW_LOG'] },
  );
  // Inside the retry loop: names the operation on each attempt's error, for the retry report.
  stack.add(
    (next: Next, context: Context) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        tagOperation(error, operationName(context));
        throw error;
      }
    },
    { step: 'finalizeRequest', name: 'apigwAttemptTag', priority: 'low', tags: ['APIGW_LOG'] },
  );
}

function maxAttemptsFromEnvironment(): number | undefined {
  const value = Number.parseInt(process.env['AWS_MAX_ATTEMPTS'] ?? '', 10);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Refuses a place the SDK would fail on later with a less clear message. */
function checkPlace(place: AwsPlace, options: ClientOptions): void {
  requireText(place.region, 'An AWS region (such as us-east-1)');
  if (place.endpointUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(place.endpointUrl).protocol;
    } catch {
      // told below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw badInput(
        `The endpoint URL must be an http or https URL such as http://127.0.0.1:4566, not '${place.endpointUrl}'.`,
      );
    }
  }
  const { maxAttempts } = options;
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1)) {
    throw badInput(`maxAttempts must be a whole number of 1 or more (1: no retries), not ${maxAttempts}.`);
  }
}

/** The clients of `place`. Credentials are resolved on the first call, not here; a bad place is refused (AwsError). */
export function createClients(place: AwsPlace, options: ClientOptions = {}): AwsClients {
  checkPlace(place, options);
  const logger = options.logger ?? nullLogger;
  const listeners = new Set<RetryListener>();
  if (options.onRetry) listeners.add(options.onRetry);
  const maxAttempts = options.maxAttempts ?? maxAttemptsFromEnvironment() ?? defaultMaxAttempts;
  const retryStrategy = new ReportingRetryStrategy(
    maxAttempts,
    ({ error, attempt, delayMs }) => {
      const operation = operationOf(error) ?? 'call';
      const name = errorName(error);
      logger.debug(`${operation}: ${name}, retrying in ${delayMs} ms (attempt ${attempt} of ${maxAttempts})`);
      for (const listener of listeners) listener({ operation, attempt, delayMs, errorName: name });
    },
    options.random,
  );
  // One chain for all the clients, so a profile's credentials (an SSO or assume-role call) are fetched once.
  const credentials =
    options.credentials ??
    fromNodeProviderChain({
      ...(place.profile !== undefined ? { profile: place.profile } : {}),
      clientConfig: { region: place.region },
    });
  const config = {
    region: place.region,
    credentials,
    maxAttempts,
    retryStrategy,
    // Without an endpoint the SDK reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself.
    ...(place.endpointUrl !== undefined ? { endpoint: place.endpointUrl } : {}),
    ...(options.requestHandler !== undefined ? { requestHandler: options.requestHandler } : {}),
  };
  const rest = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  const sts = new STSClient(config);
  const cloudwatch = new CloudWatchClient(config);
  // StartLiveTail goes to a `stream-` host (stream-logs.REGION.amazonaws.com): with an endpoint URL the prefix would
  // make a host that does not exist (stream-127.0.0.1), so the calls go to the endpoint as given.
  const logs = new CloudWatchLogsClient({
    ...config,
    ...(place.endpointUrl !== undefined ? { disableHostPrefix: true } : {}),
  });
  const pricing = new PricingClient({ ...config, region: pricingRegion(place.region) });
  instrument(rest.middlewareStack as Stack, 'apigateway', logger);
  instrument(v2.middlewareStack as Stack, 'apigatewayv2', logger);
  instrument(sts.middlewareStack as Stack, 'sts', logger);
  instrument(cloudwatch.middlewareStack as Stack, 'cloudwatch', logger);
  instrument(logs.middlewareStack as Stack, 'logs', logger);
  instrument(pricing.middlewareStack as Stack, 'pricing', logger);
  return {
    place,
    rest,
    v2,
    sts,
    cloudwatch,
    logs,
    pricing,
    addRetryListener(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Closes the clients' connections (the CLI calls it before exiting). */
export function destroyClients(clients: AwsClients): void {
  clients.rest.destroy();
  clients.v2.destroy();
  clients.sts.destroy();
  clients.cloudwatch.destroy();
  clients.logs.destroy();
  clients.pricing.destroy();
}
