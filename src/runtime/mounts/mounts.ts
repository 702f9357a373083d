// Local mounts: several definitions served on one port under base paths, as a custom domain's API mappings serve
// several API stages (`apigw mock --mount /v1=a.yaml --mount /orders=b.yaml`, or `"mounts"` in apigw.config.json).
// What is read (`/path=file`, the config's object), checked (the form of a base path, one mount a base path) and
// how a request finds its mount: the longest base path that is the request path or a prefix of it at a '/',
// the empty base path (none) last, as API Gateway picks an API mapping.
import path from 'node:path';

/** One definition served under a base path. */
export interface Mount {
  /** '/v1', '/orders/v2'; '' for the empty base path (none), which takes what no other mount matches. */
  basePath: string;
  /** Absolute path of the definition. */
  file: string;
}

export type MountsResult = { ok: true; mounts: Mount[] } | { ok: false; message: string };

/** A level of a base path: letters, digits and $-_.+!*'(), as API mappings allow. */
const LEVEL = /^[A-Za-z0-9$\-_.+!*'()]+$/;

/** '/v1/' and 'v1' read as '/v1'; '/' and '(none)' as '' (none); undefined when the form is wrong. */
export function normalMountPath(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '/' || trimmed === '(none)') return '';
  const levels = trimmed.replace(/^\/+|\/+$/g, '').split('/');
  if (levels.some((level) => !LEVEL.test(level))) return undefined;
  return `/${levels.join('/')}`;
}

const mountForm = `/path=file (e.g. --mount /v1=openapi.yaml; '/' mounts the empty base path)`;

/** `/v1=a.yaml` (the file relative to `cwd`), or why it is not a mount. */
export function parseMountArgument(text: string, cwd: string): Mount | string {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) return `--mount '${text}' is not ${mountForm}.`;
  const basePath = normalMountPath(text.slice(0, eq));
  if (basePath === undefined)
    return `--mount '${text}': the base path '${text.slice(0, eq)}' may hold only letters, digits, '/' between levels and $-_.+!*'().`;
  return { basePath, file: path.resolve(cwd, text.slice(eq + 1)) };
}

/** Two mounts on one base path, named; undefined when each base path is mounted once. */
export function duplicateMount(mounts: readonly Mount[]): string | undefined {
  const seen = new Map<string, Mount>();
  for (const mount of mounts) {
    const first = seen.get(mount.basePath);
    if (first !== undefined)
      return `two mounts on the base path ${mount.basePath || '/ (none)'}: ${first.file} and ${mount.file}. Give each definition its own base path.`;
    seen.set(mount.basePath, mount);
  }
  return undefined;
}

/** `"mounts": {"/v1": "a.yaml", "/orders": "b.yaml"}` of apigw.config.json, files relative to `baseDir`. */
export function parseMounts(data: unknown, file: string, baseDir: string): MountsResult {
  const shape = '{"/v1": "a.yaml", "/orders": "b.yaml"}';
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, message: `${file}: "mounts" must map base paths to definition files, like ${shape}.` };
  const mounts: Mount[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== 'string' || value.trim() === '')
      return {
        ok: false,
        message: `${file}: "mounts"."${key}" must be the path of a definition file, not ${JSON.stringify(value)}.`,
      };
    const basePath = normalMountPath(key);
    if (basePath === undefined)
      return {
        ok: false,
        message: `${file}: "mounts"."${key}": a base path may hold only letters, digits, '/' between levels and $-_.+!*'().`,
      };
    mounts.push({ basePath, file: path.resolve(baseDir, value) });
  }
  if (mounts.length === 0)
    return { ok: false, message: `${file}: "mounts" is empty: map base paths to definitions, like ${shape}.` };
  const duplicate = duplicateMount(mounts);
  if (duplicate !== undefined) return { ok: false, message: `${file}: "mounts": ${duplicate}` };
  return { ok: true, mounts };
}

/** Finds a request's mount: the longest base path that is the path or a prefix of it at a '/', else (none). */
export class MountTable<T> {
  /** Longest base path first; the empty one apart. */
  private readonly entries: { basePath: string; target: T }[];
  private readonly none: T | undefined;

  constructor(entries: readonly { basePath: string; target: T }[]) {
    this.entries = entries.filter((e) => e.basePath !== '').sort((a, b) => b.basePath.length - a.basePath.length);
    this.none = entries.find((e) => e.basePath === '')?.target;
  }

  /** The mount of `requestPath` and the path the API sees ('/' at least), or undefined: no mount takes it. */
  match(requestPath: string): { target: T; basePath: string; rest: string } | undefined {
    for (const entry of this.entries) {
      const base = entry.basePath;
      if (!requestPath.startsWith(base)) continue;
      if (requestPath.length === base.length) return { target: entry.target, basePath: base, rest: '/' };
      if (requestPath.charCodeAt(base.length) === 47)
        return { target: entry.target, basePath: base, rest: requestPath.slice(base.length) };
    }
    return this.none === undefined ? undefined : { target: this.none, basePath: '', rest: requestPath || '/' };
  }
}
