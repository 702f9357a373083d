import type { GatewayApi } from '../model';
import { record } from './templateValues';
import { readMethodSetting, type MethodSetting } from './methodSettings';

/**
 * The stage settings a SAM / CloudFormation template gives its API: `MethodSettings` and `CacheClusterEnabled`
 * of an AWS::Serverless::Api or of the AWS::ApiGateway::Stage that names it; `DefaultRouteSettings` and
 * `RouteSettings` of an AWS::Serverless::HttpApi or AWS::ApiGatewayV2::Stage (throttling only). `template` is the
 * template as plain values, its parameters resolved (templateParameters.ts).
 */
export function definitionStageSettings(
  template: Record<string, unknown>,
  api: GatewayApi,
): { methodSettings: MethodSetting[]; cacheClusterEnabled?: boolean } {
  const out: { methodSettings: MethodSetting[]; cacheClusterEnabled?: boolean } = { methodSettings: [] };
  const logicalId = api.source.logicalId;
  if (logicalId === undefined) return out;
  const resources = record(template['Resources']);
  for (const [id, resource] of Object.entries(resources)) {
    const r = record(resource);
    const props = record(r['Properties']);
    const type = r['Type'];
    const own = id === logicalId && (type === 'AWS::Serverless::Api' || type === 'AWS::Serverless::HttpApi');
    const stage =
      (type === 'AWS::ApiGateway::Stage' && refersTo(props['RestApiId'], logicalId)) ||
      (type === 'AWS::ApiGatewayV2::Stage' && refersTo(props['ApiId'], logicalId));
    if (!own && !stage) continue;
    for (const item of Array.isArray(props['MethodSettings']) ? props['MethodSettings'] : []) {
      const setting = readMethodSetting(item);
      if (setting !== undefined) out.methodSettings.push(setting);
    }
    const routeDefault = readMethodSetting(props['DefaultRouteSettings']);
    if (routeDefault !== undefined && props['DefaultRouteSettings'] !== undefined)
      out.methodSettings.push(routeDefault);
    for (const [routeKey, value] of Object.entries(record(props['RouteSettings']))) {
      const setting = readMethodSetting(value);
      const [method, path] = routeKey.includes(' ') ? routeKey.split(/\s+/, 2) : ['*', routeKey];
      if (setting !== undefined)
        out.methodSettings.push({ ...setting, httpMethod: method ?? '*', resourcePath: path ?? '/*' });
    }
    const cache = props['CacheClusterEnabled'];
    if (cache === true || cache === 'true') out.cacheClusterEnabled = true;
  }
  return out;
}

function refersTo(value: unknown, logicalId: string): boolean {
  return value === logicalId || record(value)['Ref'] === logicalId;
}
