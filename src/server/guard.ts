import type { Logger } from '../shared/logger';

/**
 * Wraps a request handler so that a failure (a bug in a feature) answers null and is logged once, here,
 * instead of rejecting the request or bringing the server down.
 */
export function guard<P extends unknown[], R>(
  logger: Logger,
  name: string,
  handler: (...params: P) => R | Promise<R>,
): (...params: P) => Promise<R | null> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      logger.error(`${name} failed`, error);
      return null;
    }
  };
}
