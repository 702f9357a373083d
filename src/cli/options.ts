import type { ApiType } from '../model';
import { UsageError } from './io';
import { dictOf } from '../shared/dict';

const apiTypes: Record<string, ApiType> = dictOf({ rest: 'REST', http: 'HTTP', websocket: 'WEBSOCKET' });

/** `--type rest|http|websocket` (any case). */
export function parseApiType(value: string): ApiType {
  const type = apiTypes[value.toLowerCase()];
  if (!type) throw new UsageError(`--type must be rest, http or websocket, not '${value}'`);
  return type;
}
