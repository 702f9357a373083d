// CloudWatch (JSON 1.0, query-compatible) for the operations the product calls. Filled in by the metrics work.
import type { JsonHandler } from './jsonProtocol';

export const cloudwatchOperations: Record<string, JsonHandler> = {};
