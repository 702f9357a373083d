import { dict } from '../../shared/dict';

/**
 * A REST API's resource policy (`x-amazon-apigateway-policy`, or the `Policy` of an AWS::ApiGateway::RestApi), read
 * and checked once per load, then evaluated for `execute-api:Invoke` on each request's ARN as IAM evaluates policies:
 * a statement applies when its principal, action, resource and every condition match; an applying Deny wins over any
 * Allow; nothing applying is an implicit deny.
 */
export interface ResourcePolicy {
  statements: PolicyStatement[];
}

export interface PolicyStatement {
  /** Position in the written policy (for the trace: "statement 2 (Sid DenyOthers)"). */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** `*`, or AWS principals (ARNs / account ids; `*`); undefined with NotPrincipal. */
  principal?: Principals;
  notPrincipal?: Principals;
  action?: string[];
  notAction?: string[];
  /** Resource patterns as written, intrinsics resolved (undefined entries could not be resolved: never match). */
  resource?: (string | undefined)[];
  notResource?: (string | undefined)[];
  conditions: PolicyCondition[];
}

/** `"*"` is `{ any: true }`; `{"AWS": [...]}` lists ARNs / account ids; other principal types never match a caller. */
export interface Principals {
  any: boolean;
  aws: string[];
}

export interface PolicyCondition {
  /** As written, e.g. `NotIpAddress`, `StringEqualsIfExists`. */
  operator: string;
  key: string;
  values: string[];
}

/** What a request brings to the evaluation. */
export interface PolicyRequest {
  /** The caller's ARN (IAM), or undefined for an anonymous caller. */
  principalArn?: string;
  principalAccount?: string;
  /** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`. */
  resource: string;
  /** What `execute-api:/…` stands for: `arn:aws:execute-api:{region}:{account}:{apiId}`. */
  apiArn: string;
  /** Condition keys by lower-case name (`aws:sourceip`…); absent keys are not in the request. */
  context: Record<string, string>;
}

export type PolicyDecision = { effect: 'allow' | 'deny'; statement: PolicyStatement } | { effect: 'neither' };

export type PolicyRead = { ok: true; policy: ResourcePolicy; warnings: string[] } | { ok: false; message: string };

/** The values CloudFormation would substitute in a policy: `${AWS::Region}`, `${AWS::AccountId}`, the API's id. */
export type PolicyVariables = Record<string, string>;

const statementKeys = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const operators =
  /^(StringEquals|StringNotEquals|StringEqualsIgnoreCase|StringNotEqualsIgnoreCase|StringLike|StringNotLike|IpAddress|NotIpAddress|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike|Bool|Null)(IfExists)?$/;
/** The condition keys the mock can tell (others are absent from every request, as a key AWS does not send). */
const knownKeys = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:username',
  'aws:userid',
  'aws:securetransport',
]);

/**
 * Reads a policy as written (`where` names it: "x-amazon-apigateway-policy"), or says which field is wrong and what
 * it should be. What the mock cannot evaluate (another condition operator or key) is a warning.
 */
export function readResourcePolicy(written: unknown, where: string, variables: PolicyVariables): PolicyRead {
  let value = written;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, message: `${where} is a string that is not a JSON policy document.` };
    }
  }
  const warnings: string[] = [];
  if (!isRecord(value))
    return { ok: false, message: `${where} must be a policy document: {"Version": "2012-10-17", "Statement": [...]}.` };
  for (const key of Object.keys(value)) {
    if (key !== 'Version' && key !== 'Statement' && key !== 'Id')
      return {
        ok: false,
        message: `${where}.${key} is not a policy element: a policy has "Version", "Id" and "Statement".`,
      };
  }
  const version = value['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17')
    return {
      ok: false,
      message: `${where}.Version must be "2012-10-17" (or "2008-10-17"), not ${JSON.stringify(version)}.`,
    };
  const statement = value['Statement'];
  const list = Array.isArray(statement) ? statement : statement === undefined ? undefined : [statement];
  if (list === undefined || list.length === 0)
    return { ok: false, message: `${where}.Statement must be a statement or a list of statements.` };
  const statements: PolicyStatement[] = [];
  for (let i = 0; i < list.length; i++) {
    const at = `${where}.Statement[${i}]`;
    const read = readStatement(list[i], i, at, variables, warnings);
    if (typeof read === 'string') return { ok: false, message: read };
    statements.push(read);
  }
  return { ok: true, policy: { statements }, warnings };
}

function readStatement(
  s: unknown,
  index: number,
  at: string,
  variables: PolicyVariables,
  warnings: string[],
): PolicyStatement | string {
  if (!isRecord(s)) return `${at} must be an object with "Effect", "Principal", "Action" and "Resource".`;
  for (const key of Object.keys(s)) {
    if (!statementKeys.has(key))
      return `${at}.${key} is not a statement element: use Sid, Effect, Principal / NotPrincipal, Action / NotAction, Resource / NotResource, Condition.`;
  }
  const effect = s['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny')
    return `${at}.Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}.`;
  const statement: PolicyStatement = { index, effect, conditions: [] };
  const sid = s['Sid'];
  if (sid !== undefined) {
    if (typeof sid !== 'string') return `${at}.Sid must be a string.`;
    statement.sid = sid;
  }
  const pair = (a: string, b: string): string | undefined => {
    if (s[a] !== undefined && s[b] !== undefined) return `${at} has both ${a} and ${b}: give one of them.`;
    if (s[a] === undefined && s[b] === undefined) return `${at} needs ${a} (or ${b}).`;
    return undefined;
  };
  const principalProblem = pair('Principal', 'NotPrincipal');
  if (principalProblem !== undefined)
    return `${principalProblem} A resource policy names who it is for: "Principal": "*" or {"AWS": ["arn:aws:iam::123456789012:root"]}.`;
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    if (s[key] === undefined) continue;
    const principals = readPrincipals(s[key], `${at}.${key}`);
    if (typeof principals === 'string') return principals;
    if (key === 'Principal') statement.principal = principals;
    else statement.notPrincipal = principals;
  }
  const actionProblem = pair('Action', 'NotAction');
  if (actionProblem !== undefined) return `${actionProblem} For API Gateway: "Action": "execute-api:Invoke".`;
  for (const key of ['Action', 'NotAction'] as const) {
    if (s[key] === undefined) continue;
    const actions = stringsOf(s[key]);
    if (actions === undefined || actions.some((a) => !/^(\*|[a-zA-Z0-9-]+:[\w*?]+)$/.test(a)))
      return `${at}.${key} must be an action like "execute-api:Invoke" (or a list of them), not ${JSON.stringify(s[key])}.`;
    if (key === 'Action') statement.action = actions;
    else statement.notAction = actions;
  }
  const resourceProblem = pair('Resource', 'NotResource');
  if (resourceProblem !== undefined)
    return `${resourceProblem} For API Gateway: "Resource": "execute-api:/*" or "arn:aws:execute-api:region:account-id:api-id/stage/METHOD/path".`;
  for (const key of ['Resource', 'NotResource'] as const) {
    if (s[key] === undefined) continue;
    const items = Array.isArray(s[key]) ? (s[key] as unknown[]) : [s[key]];
    const resources: (string | undefined)[] = [];
    for (let j = 0; j < items.length; j++) {
      const resolved = resolveValue(items[j], variables);
      if (resolved === undefined) {
        if (!isRecord(items[j]))
          return `${at}.${key}${items.length > 1 || Array.isArray(s[key]) ? `[${j}]` : ''} must be a string like "execute-api:/*", not ${JSON.stringify(items[j])}.`;
        warnings.push(
          `${at}.${key}: ${JSON.stringify(items[j])} cannot be worked out locally (only \${AWS::Region}, \${AWS::AccountId}, \${AWS::Partition} and the API's own id are known): the statement never matches it.`,
        );
      }
      resources.push(resolved);
    }
    if (key === 'Resource') statement.resource = resources;
    else statement.notResource = resources;
  }
  const condition = s['Condition'];
  if (condition !== undefined) {
    if (!isRecord(condition))
      return `${at}.Condition must be an object like {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}.`;
    for (const [operator, block] of Object.entries(condition)) {
      if (!isRecord(block))
        return `${at}.Condition.${operator} must be an object of condition keys, like {"aws:SourceIp": ["192.0.2.0/24"]}.`;
      const known = operators.test(operator);
      if (!known)
        warnings.push(
          `${at}.Condition.${operator}: the mock does not evaluate this operator, so the statement never applies locally.`,
        );
      for (const [key, raw] of Object.entries(block)) {
        const values = Array.isArray(raw) ? raw.map((v) => scalar(v)) : [scalar(raw)];
        if (values.some((v) => v === undefined))
          return `${at}.Condition.${operator}.${key} must be a string or a list of strings, not ${JSON.stringify(raw)}.`;
        if (known && !knownKeys.has(key.toLowerCase()))
          warnings.push(
            `${at}.Condition.${operator}.${key}: the mock does not know this key, so it is absent from every local request.`,
          );
        if (/IpAddress/.test(operator)) {
          const bad = (values as string[]).find((v) => parseCidr(v) === undefined);
          if (bad !== undefined)
            return `${at}.Condition.${operator}.${key} must list IP addresses or CIDR ranges like "192.0.2.0/24", not ${JSON.stringify(bad)}.`;
        }
        statement.conditions.push({ operator: known ? operator : `?${operator}`, key, values: values as string[] });
      }
    }
  }
  return statement;
}

function readPrincipals(value: unknown, at: string): Principals | string {
  if (value === '*') return { any: true, aws: [] };
  const shape = `${at} must be "*" or {"AWS": "arn:aws:iam::123456789012:root"} (an ARN, an account id, or a list of them)`;
  if (!isRecord(value)) return `${shape}, not ${JSON.stringify(value)}.`;
  const principals: Principals = { any: false, aws: [] };
  for (const [type, written] of Object.entries(value)) {
    const list = stringsOf(written);
    if (list === undefined)
      return `${at}.${type} must be a string or a list of strings, not ${JSON.stringify(written)}.`;
    if (type === 'AWS') {
      for (const p of list) {
        if (p !== '*' && !/^\d{12}$/.test(p) && !/^arn:aws[a-z-]*:(iam|sts)::(\d{12}|\*):.+$/.test(p))
          return `${at}.AWS must list "*", account ids or IAM ARNs, not ${JSON.stringify(p)}.`;
        if (p === '*') principals.any = true;
        else principals.aws.push(p);
      }
    } else if (type !== 'Service' && type !== 'Federated' && type !== 'CanonicalUser') {
      return `${at}.${type} is not a principal type: use "AWS" (or "Service", "Federated").`;
    }
  }
  return principals;
}

/** A string, or CloudFormation's `Fn::Sub` / `Fn::Join` / `Ref` of the variables the mock knows. */
function resolveValue(value: unknown, variables: PolicyVariables): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string' || (Array.isArray(sub) && typeof sub[0] === 'string')) {
    const text = typeof sub === 'string' ? sub : (sub[0] as string);
    const local = dict<string>();
    Object.assign(local, variables);
    if (Array.isArray(sub) && isRecord(sub[1])) {
      for (const [name, v] of Object.entries(sub[1])) {
        const resolved = resolveValue(v, variables);
        if (resolved === undefined) return undefined;
        local[name] = resolved;
      }
    }
    let unknown = false;
    const out = text.replace(/\$\{([^}!]+)\}/g, (_all, name: string) => {
      const v = local[name];
      if (v === undefined) unknown = true;
      return v ?? '';
    });
    return unknown ? undefined : out.replace(/\$\{!/g, '${');
  }
  const ref = value['Ref'];
  if (typeof ref === 'string') return variables[ref];
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((p) => resolveValue(p, variables));
    return parts.some((p) => p === undefined) ? undefined : parts.join(join[0]);
  }
  return undefined;
}

/** Evaluates `execute-api:Invoke` on `request.resource`: Deny wins, then Allow, else neither (implicit deny). */
export function evaluatePolicy(policy: ResourcePolicy, request: PolicyRequest): PolicyDecision {
  let allow: PolicyStatement | undefined;
  for (const statement of policy.statements) {
    if (!applies(statement, request)) continue;
    if (statement.effect === 'Deny') return { effect: 'deny', statement };
    allow ??= statement;
  }
  return allow !== undefined ? { effect: 'allow', statement: allow } : { effect: 'neither' };
}

function applies(s: PolicyStatement, request: PolicyRequest): boolean {
  if (s.principal !== undefined && !principalMatches(s.principal, request)) return false;
  if (s.notPrincipal !== undefined && principalMatches(s.notPrincipal, request)) return false;
  if (s.action !== undefined && !s.action.some((a) => actionMatches(a))) return false;
  if (s.notAction !== undefined && s.notAction.some((a) => actionMatches(a))) return false;
  if (s.resource !== undefined && !s.resource.some((r) => resourceMatches(r, request))) return false;
  if (s.notResource !== undefined && s.notResource.some((r) => resourceMatches(r, request))) return false;
  return s.conditions.every((c) => conditionHolds(c, request.context));
}

function principalMatches(principals: Principals, request: PolicyRequest): boolean {
  if (principals.any) return true;
  const arn = request.principalArn;
  if (arn === undefined) return false;
  return principals.aws.some((p) => {
    if (/^\d{12}$/.test(p)) return request.principalAccount === p;
    const root = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(p);
    if (root !== null) return request.principalAccount === root[1];
    if (p === arn) return true;
    // A role names every session of it: arn:aws:iam::1:role/Dev covers arn:aws:sts::1:assumed-role/Dev/session.
    const role = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(p);
    const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
    return role !== null && session !== null && role[2] === session[2] && role[3] === session[3];
  });
}

function actionMatches(pattern: string): boolean {
  return globMatches(pattern.toLowerCase(), 'execute-api:invoke');
}

function resourceMatches(pattern: string | undefined, request: PolicyRequest): boolean {
  if (pattern === undefined) return false;
  const expanded = pattern.startsWith('execute-api:/')
    ? request.apiArn + pattern.slice('execute-api:'.length)
    : pattern;
  return globMatches(expanded, request.resource);
}

/** IAM wildcards: `*` any run of characters (slashes too), `?` one character. */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function conditionHolds(c: PolicyCondition, context: Record<string, string>): boolean {
  if (c.operator.startsWith('?')) return false;
  const ifExists = c.operator.endsWith('IfExists');
  const operator = ifExists ? c.operator.slice(0, -'IfExists'.length) : c.operator;
  const actual = context[c.key.toLowerCase()];
  if (operator === 'Null') return c.values.some((v) => (v.toLowerCase() === 'true') === (actual === undefined));
  const negated = /Not/.test(operator);
  if (actual === undefined) return ifExists || negated;
  const any = (test: (expected: string) => boolean): boolean => c.values.some(test);
  switch (operator) {
    case 'StringEquals':
    case 'ArnEquals':
      return any((v) => v === actual);
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return !any((v) => v === actual);
    case 'StringEqualsIgnoreCase':
      return any((v) => v.toLowerCase() === actual.toLowerCase());
    case 'StringNotEqualsIgnoreCase':
      return !any((v) => v.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
    case 'ArnLike':
      return any((v) => globMatches(v, actual));
    case 'StringNotLike':
    case 'ArnNotLike':
      return !any((v) => globMatches(v, actual));
    case 'IpAddress':
      return any((v) => ipInCidr(actual, v));
    case 'NotIpAddress':
      return !any((v) => ipInCidr(actual, v));
    case 'Bool':
      return any((v) => v.toLowerCase() === actual.toLowerCase());
    default:
      return false;
  }
}

interface Cidr {
  bytes: number[];
  bits: number;
}

/** `192.0.2.0/24`, `203.0.113.7`, `2001:db8::/32` → address bytes and prefix length. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefix] = text.trim().split('/');
  const bytes = parseIp(address);
  if (bytes === undefined) return undefined;
  const bits = prefix === undefined ? bytes.length * 8 : Number(prefix);
  if (!Number.isInteger(bits) || bits < 0 || bits > bytes.length * 8 || (prefix !== undefined && !/^\d+$/.test(prefix)))
    return undefined;
  return { bytes, bits };
}

function parseIp(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4 !== null) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes : undefined;
  }
  if (!text.includes(':')) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped !== null) {
    const v4bytes = parseIp(mapped[1]!);
    return v4bytes === undefined ? undefined : [...Array<number>(10).fill(0), 0xff, 0xff, ...v4bytes];
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  return fill < 0 ? undefined : [...head, ...Array<number>(fill).fill(0), ...tail];
}

/** Whether `ip` is in `cidr` (an IPv4 address also matches its IPv4-mapped IPv6 form and the reverse). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const range = parseCidr(cidr);
  let address = parseIp(ip);
  if (range === undefined || address === undefined) return false;
  let bytes = range.bytes;
  let bits = range.bits;
  if (address.length !== bytes.length) {
    const unmap = (b: number[]): number[] | undefined =>
      b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff
        ? b.slice(12)
        : undefined;
    if (address.length === 16) address = unmap(address) ?? address;
    else if (bytes.length === 16) {
      const v4 = unmap(bytes);
      if (v4 !== undefined) {
        bytes = v4;
        bits = Math.max(0, bits - 96);
      }
    }
    if (address.length !== bytes.length) return false;
  }
  for (let i = 0; i < bytes.length; i++) {
    const take = Math.min(8, Math.max(0, bits - i * 8));
    if (take === 0) break;
    const mask = (0xff << (8 - take)) & 0xff;
    if ((address[i]! & mask) !== (bytes[i]! & mask)) return false;
  }
  return true;
}

function stringsOf(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((v): v is string => typeof v === 'string') ? list : undefined;
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
