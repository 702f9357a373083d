import { dict } from '../../shared/dict';

/**
 * The `"iam"` section of apigw.config.json: the credentials that SigV4 requests to IAM routes may be signed with
 * (they stand in for the account's IAM users and roles), and where requests are deemed to come from for a resource
 * policy's `aws:SourceVpc` / `aws:SourceVpce` conditions.
 *
 * ```json
 * "iam": {
 *   "credentials": [{ "accessKeyId": "AKIALOCALALICE00001", "secretAccessKey": "local-secret",
 *                     "arn": "arn:aws:iam::123456789012:user/alice" }],
 *   "sourceVpc": "vpc-1a2b3c4d", "sourceVpce": "vpce-1a2b3c4d"
 * }
 * ```
 */
export interface IamConfig {
  credentials: IamCredential[];
  /** `aws:SourceVpc` of every request (unset: requests come from the internet, the key is absent). */
  sourceVpc?: string;
  /** `aws:SourceVpce` of every request. */
  sourceVpce?: string;
}

export interface IamCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials: requests must carry it (`X-Amz-Security-Token`). */
  sessionToken?: string;
  /** The IAM user or role the key belongs to (`$context.identity.userArn`). */
  arn: string;
  /** The account in `arn` (`$context.identity.accountId`). */
  accountId: string;
  /** `$context.identity.caller` / `.user`: the principal's unique id when given, else the name in `arn`. */
  userId: string;
}

export type IamConfigResult = { ok: true; iam: IamConfig } | { ok: false; message: string };

const credentialKeys = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken', 'arn', 'userId']);
const sectionKeys = new Set(['credentials', 'sourceVpc', 'sourceVpce']);

/**
 * The principal ARNs a credential may name: an IAM user or role, the account root, an STS assumed-role or federated
 * user session. Group 1 is the partition, 2 the account, 3 the resource (`user/alice`, `assumed-role/Dev/s`).
 */
const principalArn =
  /^arn:(aws|aws-cn|aws-us-gov):(?:iam::(\d{12}):((?:user|role)\/[\w+=,.@/-]+|root)|sts::(\d{12}):((?:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+)|(?:federated-user\/[\w+=,.@-]+)))$/;

/** Reads the `"iam"` section; every problem names the field (`"iam.credentials"[1].arn`) and what it should be. */
export function parseIamConfig(value: unknown, file: string): IamConfigResult {
  const fail = (message: string): IamConfigResult => ({ ok: false, message: `${file}: ${message}` });
  if (!isRecord(value))
    return fail(
      '"iam" must be an object like {"credentials": [{"accessKeyId": "…", "secretAccessKey": "…", "arn": "arn:aws:iam::123456789012:user/alice"}]}.',
    );
  for (const key of Object.keys(value)) {
    if (!sectionKeys.has(key))
      return fail(`"iam".${key} is not a setting: "iam" takes "credentials", "sourceVpc" and "sourceVpce".`);
  }
  const iam: IamConfig = { credentials: [] };
  for (const key of ['sourceVpc', 'sourceVpce'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    const pattern = key === 'sourceVpc' ? /^vpc-[0-9a-z]+$/ : /^vpce-[0-9a-z]+$/;
    if (typeof v !== 'string' || !pattern.test(v))
      return fail(
        `"iam.${key}" must be a ${key === 'sourceVpc' ? 'VPC id like "vpc-1a2b3c4d"' : 'VPC endpoint id like "vpce-1a2b3c4d"'}, not ${JSON.stringify(v)}.`,
      );
    iam[key] = v;
  }
  const list = value['credentials'] ?? [];
  if (!Array.isArray(list))
    return fail('"iam.credentials" must be a list of {"accessKeyId", "secretAccessKey", "sessionToken"?, "arn"}.');
  const seen = dict<number>();
  for (let i = 0; i < list.length; i++) {
    const at = `"iam.credentials"[${i}]`;
    const entry: unknown = list[i];
    if (!isRecord(entry))
      return fail(
        `${at} must be an object with "accessKeyId", "secretAccessKey", "arn" and optionally "sessionToken".`,
      );
    for (const key of Object.keys(entry)) {
      if (!credentialKeys.has(key))
        return fail(
          `${at}.${key} is not a credential field: use "accessKeyId", "secretAccessKey", "sessionToken", "arn" or "userId".`,
        );
    }
    const accessKeyId = entry['accessKeyId'];
    if (typeof accessKeyId !== 'string' || !/^[A-Za-z0-9]{16,128}$/.test(accessKeyId))
      return fail(
        `${at}.accessKeyId must be an access key id: 16 to 128 letters and digits (like "AKIALOCALALICE00001"), not ${JSON.stringify(accessKeyId)}.`,
      );
    const earlier = seen[accessKeyId];
    if (earlier !== undefined)
      return fail(`${at}.accessKeyId "${accessKeyId}" is already the key of "iam.credentials"[${earlier}].`);
    seen[accessKeyId] = i;
    const secret = entry['secretAccessKey'];
    if (typeof secret !== 'string' || secret === '')
      return fail(`${at}.secretAccessKey must be a non-empty string (the secret requests are signed with).`);
    const token = entry['sessionToken'];
    if (token !== undefined && (typeof token !== 'string' || token === ''))
      return fail(`${at}.sessionToken must be a non-empty string when given (temporary credentials), or left out.`);
    const arn = entry['arn'];
    const m = typeof arn === 'string' ? principalArn.exec(arn) : null;
    if (m === null)
      return fail(
        `${at}.arn must be the ARN of an IAM user or role, like "arn:aws:iam::123456789012:user/alice" or "arn:aws:sts::123456789012:assumed-role/Dev/session", not ${JSON.stringify(arn)}.`,
      );
    const userId = entry['userId'];
    if (userId !== undefined && (typeof userId !== 'string' || userId === ''))
      return fail(
        `${at}.userId must be a non-empty string (the principal's unique id, like "AIDAEXAMPLE") or left out.`,
      );
    const resource = m[3] ?? m[5]!;
    const credential: IamCredential = {
      accessKeyId,
      secretAccessKey: secret,
      arn: arn as string,
      accountId: m[2] ?? m[4]!,
      userId: userId ?? defaultUserId(resource),
    };
    if (token !== undefined) credential.sessionToken = token;
    iam.credentials.push(credential);
  }
  return { ok: true, iam };
}

/** `user/alice` → `alice`, `assumed-role/Dev/session` → `Dev:session`, `root` → `root`. */
function defaultUserId(resource: string): string {
  const parts = resource.split('/');
  if (parts[0] === 'assumed-role') return `${parts[1]}:${parts.slice(2).join('/')}`;
  return parts[parts.length - 1]!;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
