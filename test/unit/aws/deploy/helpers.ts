import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readDefinition } from '../../../../src/model';
import type { GatewayApi } from '../../../../src/model';
import { prepareDeploySource, type PrepareOptions, type PrepareResult } from '../../../../src/aws/deploy/source';
import type { DeploySource } from '../../../../src/aws/deploy/types';
import type { FileSystem } from '../../../../src/shared/fileSystem';
import { fixture, repoRoot } from '../../helpers/paths';

/** A file system over an in-memory map of absolute path → text. */
export function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readFile(file) {
      const content = files[file];
      if (content === undefined) {
        return Promise.reject(Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' }));
      }
      return Promise.resolve(new TextEncoder().encode(content));
    },
    size(file) {
      const content = files[file];
      return Promise.resolve(content === undefined ? undefined : Buffer.byteLength(content));
    },
  };
}

export const pseudo = { region: 'us-east-1', accountId: '123456789012' };

/**
 * Reads `files[main]` (absolute path) and prepares its API `logicalId` (or its only API) for deploy.
 * `options` default to the pseudo values above.
 */
export async function prepare(
  files: Record<string, string>,
  main: string,
  options: Partial<PrepareOptions> & { logicalId?: string } = {},
): Promise<PrepareResult> {
  const fs = memoryFs(files);
  const text = files[main] ?? '';
  const read = await readDefinition(main, { fs, text });
  if (!read.ok) throw new Error(read.failure.error.message);
  const api = pick(read.definition.apis, options.logicalId);
  return prepareDeploySource(read.definition, api, { pseudo, fs, ...options, text });
}

/** Prepares a file of the repository (examples/…, test/fixtures/…) as it is on disk. */
export async function prepareFile(
  relative: string,
  options: Partial<PrepareOptions> & { logicalId?: string } = {},
): Promise<DeploySource> {
  const file = path.join(repoRoot, relative);
  const text = fs.readFileSync(file, 'utf8');
  const read = await readDefinition(file, { fs: realFs, text });
  if (!read.ok) throw new Error(read.failure.error.message);
  const result = await prepareDeploySource(read.definition, pick(read.definition.apis, options.logicalId), {
    pseudo,
    ...options,
    text,
  });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.source;
}

const realFs: FileSystem = {
  readFile: (file) => fs.promises.readFile(file),
  size: async (file) => {
    try {
      return (await fs.promises.stat(file)).size;
    } catch {
      return undefined;
    }
  },
};

function pick(apis: GatewayApi[], logicalId: string | undefined): GatewayApi {
  const api = logicalId === undefined ? apis[0] : apis.find((a) => a.source.logicalId === logicalId);
  assert.ok(api, `no API ${logicalId ?? ''}`);
  return api;
}

export function ok(result: PrepareResult): DeploySource {
  if (!result.ok)
    assert.fail(`expected a source, got: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  return result.source;
}

export function diagnosticsOf(result: PrepareResult) {
  assert.equal(result.ok, false, 'expected diagnostics');
  return result.ok ? [] : result.diagnostics;
}

/** The value at `keys` inside a parsed document (undefined when a key is missing). */
export function at(value: unknown, ...keys: string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets (or, with `undefined`, deletes) the value at `keys` of a parsed document; the parents must exist. */
export function setAt(value: unknown, keys: string[], leaf: unknown): void {
  const parent = at(value, ...keys.slice(0, -1));
  assert.ok(parent !== null && typeof parent === 'object', `no ${keys.slice(0, -1).join('.')}`);
  const key = keys[keys.length - 1]!;
  if (leaf === undefined) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string, unknown>)[key] = leaf;
}

/** JSON round trip: prototype-free objects become ordinary ones, for deepEqual. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(fixture(...parts), 'utf8');
}

/** A WebSocket API with two routes (one with a route response), two Lambda integrations and a stage. */
export const chatTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: $connect
      AuthorizationType: NONE
      Target: !Join ['/', [integrations, !Ref ConnectIntegration]]
  ConnectIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:connect/invocations
  Send:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: sendMessage
      RouteResponseSelectionExpression: $default
      Target: !Sub integrations/\${SendIntegration}
  SendIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Chat, IntegrationType: AWS_PROXY, IntegrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:send/invocations' }
  SendResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: { ApiId: !Ref Chat, RouteId: !Ref Send, RouteResponseKey: $default }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Chat, StageName: dev, StageVariables: { table: chat } }
`;
