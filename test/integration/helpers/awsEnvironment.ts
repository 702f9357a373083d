import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The environment the SDK's default chain reads, for tests against the AWS test double: only `credentials`
 * may be found (no profile, no shared files, no instance metadata), and no region comes from the environment.
 */
export function awsTestEnvironment(credentials: {
  accessKeyId: string;
  secretAccessKey: string;
}): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_CONFIG_FILE: path.join(os.tmpdir(), 'apigw-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), 'apigw-no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Sets (or, for undefined, removes) environment variables of the extension host; returns what they were. */
export function setEnv(values: Record<string, string | undefined>): Record<string, string | undefined> {
  const before: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(values)) {
    before[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return before;
}
