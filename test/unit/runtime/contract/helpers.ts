import assert from 'node:assert/strict';
import { readDefinition, type GatewayApi, type Route } from '../../../../src/model';
import type { FileSystem } from '../../../../src/shared/fileSystem';

/** An in-memory file system holding these files (absolute path → text). */
export function memoryFs(files: Record<string, string>): FileSystem {
  const get = (p: string): string | undefined => (Object.hasOwn(files, p) ? files[p] : undefined);
  return {
    readFile: (p) => {
      const text = get(p);
      return text === undefined ? Promise.reject(new Error(`cannot read ${p}`)) : Promise.resolve(Buffer.from(text));
    },
    size: (p) => Promise.resolve(get(p) === undefined ? undefined : Buffer.byteLength(get(p)!)),
  };
}

/** The first API of a definition given as text (more files may sit beside it for cross-file `$ref`s). */
export async function apiOf(
  text: string,
  file = '/virtual/api.yaml',
  others: Record<string, string> = {},
): Promise<GatewayApi> {
  const read = await readDefinition(file, { fs: memoryFs({ [file]: text, ...others }) });
  if (!read.ok) assert.fail(read.failure.error.message);
  const api = read.definition.apis[0];
  assert.ok(api, 'no API in the definition');
  return api;
}

/** One route of that API, by method and path. */
export async function routeOf(
  text: string,
  method: string,
  path: string,
  file?: string,
  others?: Record<string, string>,
): Promise<Route> {
  const api = await apiOf(text, file, others);
  const route = api.routes.find((r) => r.method === method && r.path === path);
  assert.ok(route, `no ${method} ${path} in ${api.routes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return route;
}

/** 1-based line of the first line of `text` that contains `needle` (after `after`, when given). */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  assert.ok(index >= 0, `no line with ${needle}`);
  return index + 1;
}
