import type { ApiType } from '../model';
import { UsageError } from './io';

const apiTypes: Record<string, ApiType> = { rest: 'REST', http: 'HTTP', websocket: 'WEBSOCKET' };

/** `--type rest|http|websocket` (any case). */
export function parseApiType(value: string): ApiType {
  const type = apiTypes[value.toLowerCase()];
  if (!type) throw new UsageError(`--type must be rest, http or websocket, not '${value}'`);
  return type;
}
