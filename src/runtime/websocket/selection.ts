/**
 * WebSocket selection expressions (route, template and route-response selection) as API Gateway evaluates
 * them: `$request.body.action` reads a property path of the JSON message, `${request.body.a}-${request.body.b}`
 * interpolates several, and anything else (`$default`, `\$default`, a literal key) is the key itself.
 * A message that is not JSON, or a path that is missing, selects nothing (the `$default` route).
 */
export function evaluateSelection(expression: string, message: string): string | undefined {
  const expr = expression.trim();
  if (expr === '\\$default' || expr === '$default') return '$default';
  const whole = /^\$request\.body((?:\.[^.${}]+)*)$/.exec(expr);
  if (whole !== undefined && whole !== null) return valueAt(parse(message), whole[1] ?? '');
  if (!expr.includes('${request.body')) return expr.replace(/^\\/, '');
  const data = parse(message);
  let missing = false;
  const out = expr.replace(/\$\{request\.body((?:\.[^.${}]+)*)\}/g, (_m, p: string) => {
    const v = valueAt(data, p);
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

const notJson = Symbol('notJson');

function parse(message: string): unknown {
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return notJson;
  }
}

function valueAt(data: unknown, path: string): string | undefined {
  if (data === notJson) return undefined;
  let value = data;
  for (const key of path.split('.').filter((k) => k !== '')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null || path === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Integration response keys: `$default`, or `/regex/` matched against the status code. */
export function matchesResponseKey(key: string, status: number): boolean {
  if (key === '$default') return false;
  const regex = /^\/(.*)\/$/.exec(key)?.[1];
  if (regex === undefined) return key === String(status);
  try {
    return new RegExp(`^(?:${regex})$`).test(String(status));
  } catch {
    return false;
  }
}
