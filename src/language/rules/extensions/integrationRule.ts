import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { findBodies, scalarString } from './bodies';
import { type IntegrationSite, integrationsOf, integrationType } from './integrations';
import { isComputed, keyAt, report, scalarText, show } from './values';

const knownTypes = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'];
const lambdaInvocation = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const lambdaFunctionArn = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
const stageVariable = /\$\{stageVariables\.[A-Za-z0-9_]+\}/;

/**
 * The fields each integration type needs (type, uri, httpMethod, connectionId), the Lambda and HTTP uri
 * forms, Lambda called with POST, and `payloadFormatVersion` values.
 */
export const integrationRule: Rule = {
  id: 'extensions.integration',
  codes: [
    'apigw.integration.missingType',
    'apigw.integration.missingUri',
    'apigw.integration.missingHttpMethod',
    'apigw.integration.missingConnectionId',
    'apigw.integration.lambdaUri',
    'apigw.integration.httpUri',
    'apigw.integration.lambdaMethod',
    'apigw.integration.payloadFormatVersion',
  ],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      for (const site of integrationsOf(ctx, body)) checkIntegration(ctx, site);
    }
  },
};

function checkIntegration(ctx: RuleContext, site: IntegrationSite): void {
  const { node } = site;
  const typeNode = getProperty(node, 'type');
  const at = { file: node.file, range: site.keyRange };
  if (typeNode === undefined) {
    const choices = site.body.type === 'HTTP' ? 'aws_proxy or http_proxy' : 'aws_proxy, aws, http_proxy, http or mock';
    report(ctx, at, 'error', 'apigw.integration.missingType', `This integration has no 'type': add one (${choices}).`);
    return;
  }
  const type = integrationType(node);
  if (type === undefined || !knownTypes.includes(type)) return; // computed, or reported by the schema check
  const isHttpApi = site.body.type === 'HTTP';
  const subtype = getProperty(node, 'integrationSubtype') !== undefined;
  const privateLink = scalarString(getProperty(node, 'connectionType'))?.toUpperCase() === 'VPC_LINK';
  if (privateLink && getProperty(node, 'connectionId') === undefined) {
    report(
      ctx,
      keyAt(node, 'connectionType'),
      'error',
      'apigw.integration.missingConnectionId',
      "connectionType is VPC_LINK but 'connectionId' is missing: add the VPC link's ID (or a stage variable such as ${stageVariables.vpcLinkId}).",
    );
  }
  if (type !== 'mock' && !subtype && getProperty(node, 'uri') === undefined) {
    report(
      ctx,
      at,
      'error',
      'apigw.integration.missingUri',
      `This ${type} integration needs a 'uri': add ${uriExample(type, isHttpApi)}.`,
    );
  }
  checkHttpMethod(ctx, site, type, isHttpApi);
  const uri = getProperty(node, 'uri');
  if (uri !== undefined && !isComputed(uri)) checkUri(ctx, uri, type, isHttpApi, privateLink);
  checkPayloadFormatVersion(ctx, node, type, isHttpApi);
}

function uriExample(type: string, isHttpApi: boolean): string {
  if (type === 'aws_proxy') {
    return isHttpApi
      ? 'the Lambda function ARN'
      : "'arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations'";
  }
  if (type === 'aws') return "the AWS service action, e.g. 'arn:aws:apigateway:{region}:sqs:path/{account}/{queue}'";
  return "the backend URL, e.g. 'https://example.com/{proxy}'";
}

function checkHttpMethod(ctx: RuleContext, site: IntegrationSite, type: string, isHttpApi: boolean): void {
  const { node } = site;
  const method = getProperty(node, 'httpMethod');
  if (method === undefined) {
    // HTTP APIs default the method of Lambda and AWS service integrations; REST needs it for every non-mock type.
    if (type === 'mock' || (isHttpApi && type !== 'http_proxy')) return;
    const hint = isLambda(node, type)
      ? 'POST (Lambda functions are always invoked with POST)'
      : 'the method the backend expects, e.g. GET';
    const severity = isHttpApi ? 'warning' : 'error';
    report(
      ctx,
      { file: node.file, range: site.keyRange },
      severity,
      'apigw.integration.missingHttpMethod',
      `This ${type} integration has no 'httpMethod': add ${hint}.`,
    );
    return;
  }
  const value = scalarString(method);
  if (value !== undefined && isLambda(node, type) && value.toUpperCase() !== 'POST' && !isComputed(method)) {
    report(
      ctx,
      { file: node.file, range: method.range },
      'error',
      'apigw.integration.lambdaMethod',
      `Lambda functions are invoked with POST, not ${value}: set httpMethod to POST (the route's own method can stay ${value}).`,
    );
  }
}

/** A Lambda integration: aws_proxy on REST, or a uri that invokes a Lambda function. */
function isLambda(node: ObjectNode, type: string): boolean {
  const uri = scalarString(getProperty(node, 'uri'));
  if (type === 'aws_proxy') return uri === undefined || !/:states:|:sqs:|:events:|:kinesis:/.test(uri);
  return type === 'aws' && uri !== undefined && uri.includes(':lambda:path/');
}

function checkUri(ctx: RuleContext, uri: SourceNode, type: string, isHttpApi: boolean, privateLink: boolean): void {
  const text = scalarString(uri);
  if (text === undefined) return; // a non-string is reported by the schema check
  const at = { file: uri.file, range: uri.range };
  if (type === 'aws_proxy' || (type === 'aws' && text.includes(':lambda:'))) {
    if (isLambdaUri(text, isHttpApi)) return;
    if (type === 'aws_proxy' && isHttpApi && !text.includes(':lambda:')) return; // AWS service proxies of HTTP APIs
    const form =
      'arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}/invocations';
    const bare = isHttpApi ? ' or the function ARN itself' : '';
    report(
      ctx,
      at,
      'error',
      'apigw.integration.lambdaUri',
      `${show(uri)} is not a Lambda invocation URI: write ${form}${bare}.`,
    );
    return;
  }
  if ((type === 'http' || type === 'http_proxy') && !privateLink) {
    if (/^https?:\/\/[^\s/?#]+/i.test(text) || text.startsWith('${stageVariables.')) return;
    report(
      ctx,
      at,
      'error',
      'apigw.integration.httpUri',
      `${show(uri)} is not an absolute http:// or https:// URL: write the full backend URL, e.g. https://example.com/path (stage variables like \${stageVariables.host} are allowed).`,
    );
  }
}

function isLambdaUri(text: string, isHttpApi: boolean): boolean {
  const invocation = lambdaInvocation.exec(text);
  const target = invocation?.[1];
  if (target !== undefined) return lambdaFunctionArn.test(target) || stageVariable.test(target);
  return isHttpApi && (lambdaFunctionArn.test(text) || stageVariable.test(text));
}

function checkPayloadFormatVersion(ctx: RuleContext, node: ObjectNode, type: string, isHttpApi: boolean): void {
  const versionNode = getProperty(node, 'payloadFormatVersion');
  if (!isHttpApi || versionNode === undefined || isComputed(versionNode)) return;
  const version = scalarText(versionNode);
  if (version === '2.0' && type === 'http_proxy') {
    report(
      ctx,
      { file: node.file, range: versionNode.range },
      'error',
      'apigw.integration.payloadFormatVersion',
      "HTTP proxy integrations support only payloadFormatVersion '1.0': change it to '1.0' or remove it.",
    );
  }
}
