// Evaluates a resource policy for `execute-api:Invoke` as IAM does: a statement applies when its principal, action,
// resource and every condition match; an applying Deny wins over any Allow; nothing applying is an implicit deny.
import { ipInCidr } from './cidr';
import type {
  PolicyCondition,
  PolicyDecision,
  PolicyRequest,
  PolicyStatement,
  Principals,
  ResourcePolicy,
} from './policyTypes';

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
