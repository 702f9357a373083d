// Invoke URLs as AWS builds them: https://{api-id}.execute-api.{region}.amazonaws.com/{stage} for REST,
// {ApiEndpoint}/{stage} for HTTP (no stage segment for `$default`), wss://…/{stage} for WebSocket. With an endpoint
// URL setting (LocalStack, a test server) the form stays AWS's: only the control-plane calls go elsewhere.
import type { AwsApiKind } from './types';

/** `{api-id}.execute-api.{region}.amazonaws.com`, `.com.cn` in the China regions. */
export function executeApiHost(apiId: string, region: string): string {
  return `${apiId}.execute-api.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** The API's own endpoint, as v2's `ApiEndpoint` gives it. */
export function apiEndpointOf(kind: AwsApiKind, apiId: string, region: string): string {
  return `${kind === 'WEBSOCKET' ? 'wss' : 'https'}://${executeApiHost(apiId, region)}`;
}

/** The URL clients call for `stage` of the API. */
export function invokeUrlOf(
  kind: AwsApiKind,
  apiId: string,
  region: string,
  stage: string,
  apiEndpoint: string | undefined,
): string {
  const base = (apiEndpoint ?? apiEndpointOf(kind, apiId, region)).replace(/\/+$/, '');
  if (kind === 'HTTP' && stage === '$default') return base;
  return `${base}/${stage}`;
}
