// The AWS Price List API (JSON 1.1) for the operations the product calls. Filled in by the cost work.
import type { JsonHandler } from './jsonProtocol';

export const pricingOperations: Record<string, JsonHandler> = {};
