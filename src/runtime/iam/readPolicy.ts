// Reads a REST API's resource policy (`x-amazon-apigateway-policy`, or the `Policy` of an AWS::ApiGateway::RestApi)
// once per load: checks its statements, principals, actions, resources and conditions, resolves the values written
// with intrinsics, and says what API Gateway would refuse or ignore. Evaluation is in evaluatePolicy.ts.
import { dict } from '../../shared/dict';
import { parseCidr } from './cidr';
import type { PolicyRead, PolicyStatement, PolicyVariables, Principals } from './policyTypes';

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
