// CloudWatch Logs (JSON 1.1) for the operations the product calls. Filled in by the logs work.
import type { JsonHandler } from './jsonProtocol';

export const logsOperations: Record<string, JsonHandler> = {};
