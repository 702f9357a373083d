// The CLI's AWS commands against the loopback AWS test double: credentials from the environment (as a user's
// shell would give them), the server as --endpoint-url.
import { after, before } from 'node:test';
import { main } from '../../../../src/cli/main';
import type { CliIo } from '../../../../src/cli/io';
import { startAwsTestServer, type AwsTestServer } from '../../../aws/server';

export const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDCLITEST', secretAccessKey: 'cli-secret-key' };

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliHarness {
  server: AwsTestServer;
  run(cwd: string, ...argv: string[]): Promise<CliRun>;
}

/** One server for the file's tests; env credentials set for its lifetime and restored after. */
export function useCliServer(): CliHarness {
  const h = {} as CliHarness;
  const saved: Record<string, string | undefined> = {};
  const env = {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_MAX_ATTEMPTS: '3',
    AWS_CONFIG_FILE: '/nonexistent/apigw-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/apigw-test-credentials',
  };
  before(async () => {
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    h.server = await startAwsTestServer({ region, credentials: [credentials] });
    h.run = async (cwd, ...argv) => {
      let out = '';
      let err = '';
      const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd };
      const code = await main([...argv, '--region', region, '--endpoint-url', h.server.url], io);
      return { code, out, err };
    };
  });
  after(async () => {
    await h.server.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return h;
}
