// Every public call of src/aws fails with an AwsError: the SDK's errors are told through describeProblem with the
// place of the clients, and bad input is refused before anything is sent.
import { toAwsError, type ProblemContext } from './problems';
import { AwsError, type AwsClients } from './types';

export function contextOf(clients: AwsClients): ProblemContext {
  const { profile, region, endpointUrl } = clients.place;
  return {
    region,
    ...(profile !== undefined ? { profile } : {}),
    ...(endpointUrl !== undefined ? { endpoint: endpointUrl } : {}),
  };
}

/** Runs `run`, turning whatever it throws into an AwsError for `clients`' place. */
export async function guarded<T>(clients: AwsClients, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAwsError(error, contextOf(clients));
  }
}

/** The items of `items`, with whatever a page throws turned into an AwsError. */
export async function* guardedItems<T>(
  clients: AwsClients,
  items: AsyncIterable<T>,
): AsyncGenerator<T, void, undefined> {
  try {
    yield* items;
  } catch (error) {
    throw toAwsError(error, contextOf(clients));
  }
}

/** A refusal of bad input, before any call: `message` says what is wrong and what is expected. */
export function badInput(message: string, operation?: string): AwsError {
  return new AwsError({ kind: 'badRequest', message, ...(operation !== undefined ? { operation } : {}) });
}

/** Refuses an empty or blank required text argument. */
export function requireText(value: string | undefined, what: string, operation?: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(`${what} is required.`, operation);
  return value;
}
