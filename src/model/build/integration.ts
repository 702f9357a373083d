import type { SourceNode } from '../sourceNode';
import type { Integration, IntegrationResponse } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf, refOf, resolve } from './context';
import { lambdaFunctionOf } from './lambdaUri';
import { buildTemplates } from './templates';
import {
  asRecord,
  booleanOf,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  plainStringMap,
  stringList,
  stringMap,
  versionString,
} from './values';

const sharedPrefix = '#/components/x-amazon-apigateway-integrations/';

/** An `x-amazon-apigateway-integration` object (a `$ref` to a shared HTTP API integration is followed). */
export function buildIntegration(ctx: BuildContext, written: SourceNode): Integration | undefined {
  const ref = refOf(written);
  const node = resolve(ctx, written);
  if (node?.kind !== 'object') return undefined;
  const get = (key: string): SourceNode | undefined => getProperty(node, key);
  const rawType = plainString(get('type'));
  const uri = maybeIntrinsic(get('uri'));
  const integration: Integration = {
    type: rawType?.toUpperCase(),
    uri,
    httpMethod: plainString(get('httpMethod'))?.toUpperCase(),
    connectionType: plainString(get('connectionType')),
    connectionId: maybeIntrinsic(get('connectionId')),
    credentials: maybeIntrinsic(get('credentials')),
    passthroughBehavior: plainString(get('passthroughBehavior')),
    contentHandling: plainString(get('contentHandling')),
    timeoutInMillis: numberOf(get('timeoutInMillis')),
    cacheNamespace: plainString(get('cacheNamespace')),
    cacheKeyParameters: stringList(get('cacheKeyParameters')),
    requestParameters: stringMap(resolve(ctx, get('requestParameters'))),
    requestTemplates: buildTemplates(ctx, get('requestTemplates')),
    responses: buildResponses(ctx, get('responses')),
    responseParameters: buildResponseParameters(ctx, get('responseParameters')),
    payloadFormatVersion: versionString(get('payloadFormatVersion')),
    integrationSubtype: plainString(get('integrationSubtype')),
    tlsConfig: buildTlsConfig(get('tlsConfig')),
    lambdaFunction: isLambdaType(rawType) ? lambdaFunctionOf(uri) : undefined,
    loc: locOf(node),
    raw: asRecord(toValue(node)),
  };
  if (ref?.startsWith(sharedPrefix)) integration.sharedName = decodeURIComponent(ref.slice(sharedPrefix.length));
  return dropUndefined(integration);
}

function isLambdaType(type: string | undefined): boolean {
  return type === undefined || /^aws(_proxy)?$/i.test(type);
}

function buildResponses(ctx: BuildContext, node: SourceNode | undefined): IntegrationResponse[] {
  return entriesOf(ctx, node).map(([pattern, written]) => {
    const value = resolve(ctx, written) ?? written;
    return dropUndefined({
      pattern,
      statusCode: plainString(getProperty(value, 'statusCode')),
      responseParameters: stringMap(getProperty(value, 'responseParameters')),
      responseTemplates: buildTemplates(ctx, getProperty(value, 'responseTemplates')),
      contentHandling: plainString(getProperty(value, 'contentHandling')),
      loc: locOf(value),
    });
  });
}

function buildResponseParameters(
  ctx: BuildContext,
  node: SourceNode | undefined,
): Record<string, Record<string, string>> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, Record<string, string>> = {};
  for (const [status, value] of entriesOf(ctx, node)) out[status] = plainStringMap(value);
  return out;
}

function buildTlsConfig(node: SourceNode | undefined): Integration['tlsConfig'] {
  if (node?.kind !== 'object') return undefined;
  return dropUndefined({
    serverNameToVerify: plainString(getProperty(node, 'serverNameToVerify') ?? getProperty(node, 'ServerNameToVerify')),
    insecureSkipVerification: booleanOf(getProperty(node, 'insecureSkipVerification')),
  });
}
