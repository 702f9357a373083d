import type { AwsClients, AwsPlace, AwsProblem, DeployedApiSummary } from '../../aws/types';
import type { CliIo } from '../io';
import type { AwsModule } from './loadAws';

/** The clients of one CLI run: throttling retries are told on stderr, and the clients are closed at the end. */
export async function withClients<T>(
  aws: AwsModule,
  place: AwsPlace,
  io: CliIo,
  work: (clients: AwsClients) => Promise<T>,
): Promise<T> {
  const clients = aws.createClients(place, {
    onRetry: ({ operation, attempt, delayMs, errorName }) =>
      io.err(`apigw: ${operation}: ${errorName}; retrying (attempt ${attempt}) in ${(delayMs / 1000).toFixed(1)} s\n`),
  });
  try {
    return await work(clients);
  } finally {
    aws.destroyClients(clients);
  }
}

/** Finds an API by id without knowing its type: a REST API first, else an HTTP or WebSocket API. */
export async function findApi(aws: AwsModule, clients: AwsClients, apiId: string): Promise<DeployedApiSummary> {
  try {
    return await aws.getApiSummary(clients, 'REST', apiId);
  } catch (error) {
    if (aws.describeProblem(error).kind !== 'notFound') throw error;
  }
  try {
    return await aws.getApiSummary(clients, 'HTTP', apiId).catch(async (error: unknown) => {
      // getApiSummary refuses a WebSocket API asked for as HTTP: ask again with the type it has.
      if (aws.describeProblem(error).kind === 'badRequest') return await aws.getApiSummary(clients, 'WEBSOCKET', apiId);
      throw error;
    });
  } catch (error) {
    const problem = aws.describeProblem(error);
    if (problem.kind !== 'notFound') throw error;
    throw new aws.AwsError({
      ...problem,
      message: `No REST, HTTP or WebSocket API has the id '${apiId}' in ${clients.place.region}. Check the id and the region (apigw lists them with --region).`,
    });
  }
}

/** Prints an AWS failure as one line (never a stack trace) and gives the exit code for it. */
export function reportProblem(io: CliIo, command: string, problem: AwsProblem): number {
  io.err(`apigw ${command}: ${problem.message}\n`);
  return 1;
}
