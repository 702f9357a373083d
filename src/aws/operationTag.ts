// Which operation an error came from: the clients tag each attempt's error, so that a retry report and a problem
// can name the call even where the SDK hands over only the error.
const operations = new WeakMap<object, string>();

export function tagOperation(error: unknown, operation: string): void {
  if (typeof error === 'object' && error !== null && !operations.has(error)) operations.set(error, operation);
}

/** The operation of a failed call as the clients saw it (undefined for errors that did not pass through them). */
export function operationOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? operations.get(error) : undefined;
}
