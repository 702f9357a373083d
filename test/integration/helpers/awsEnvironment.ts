import { APIGatewayClient, CreateDeploymentCommand, ImportRestApiCommand } from '@aws-sdk/client-api-gateway';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

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

const awsConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('apigw.aws');

/** Points the extension's AWS settings at the test double: the SDK's default chain, `region`, `endpointUrl`. */
export async function useAwsTestEndpoint(endpointUrl: string, region: string): Promise<void> {
  await awsConfig().update('profile', '', vscode.ConfigurationTarget.Workspace);
  await awsConfig().update('region', region, vscode.ConfigurationTarget.Workspace);
  await awsConfig().update('endpointUrl', endpointUrl, vscode.ConfigurationTarget.Workspace);
}

/** Removes what useAwsTestEndpoint set, so later suites talk to nothing of this one's. */
export async function resetAwsSettings(): Promise<void> {
  for (const name of ['profile', 'region', 'endpointUrl']) {
    await awsConfig().update(name, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/**
 * Imports `definition` as a REST API straight into the test double (not through the extension) and deploys it to
 * stage prod with the variable alias=live; returns the API's id.
 */
export async function seedRestApi(
  server: { url: string },
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  definition: object,
): Promise<string> {
  const client = new APIGatewayClient({ region, endpoint: server.url, credentials });
  try {
    const imported = await client.send(
      new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(definition)), failOnWarnings: true }),
    );
    const apiId = imported.id ?? '';
    await client.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', variables: { alias: 'live' } }),
    );
    return apiId;
  } finally {
    client.destroy();
  }
}
