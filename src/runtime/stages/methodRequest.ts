import { gatewayError, gatewayErrors } from '../errors';
import type { Stage } from './stage';
import { header } from '../requestContext';
import { authorize } from './authorizers';
import { validateRequest } from './validation';

/** Method request: API key (apiKeyRequired), authorizers, then request validation. */
export const methodRequestStage: Stage = {
  name: 'methodRequest',
  run(ex, services) {
    const route = ex.match?.route;
    if (route === undefined) return undefined;
    const key = header(ex.request.headers, 'x-api-key');
    if (key !== undefined) ex.apiKey = key;
    if (
      route.apiKeyRequired &&
      ex.served.api.type === 'REST' &&
      ex.served.api.apiKeySource?.toUpperCase() !== 'AUTHORIZER'
    ) {
      const accepted = ex.served.config.apiKeys;
      if (key === undefined || key === '' || (accepted !== undefined && !accepted.includes(key))) {
        const why =
          key === undefined ? 'no x-api-key header was sent' : 'the x-api-key is not one of "apiKeys" in the config';
        ex.trace.push({ stage: 'methodRequest', detail: `API key required: ${why}`, ms: 0 });
        return gatewayError(
          gatewayErrors.invalidApiKey,
          `${route.method} ${route.path} requires an API key and ${why}.`,
        );
      }
      if (ex.tracing) ex.trace.push({ stage: 'methodRequest', detail: 'API key accepted', ms: 0 });
    }
    // Routes without authorizers stay synchronous (no promise, no microtask turn).
    if (route.authorizerNames.length === 0) return validateRequest(ex);
    return authorize(ex, services).then((denied) => denied ?? validateRequest(ex));
  },
};
