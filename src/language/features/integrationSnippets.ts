// A whole x-amazon-apigateway-integration per integration type, for completion: the fields the type needs,
// payloadFormatVersion only for HTTP APIs, mapping templates and integration responses only for REST APIs.
import { lit, type SnippetValue, tab, text } from './snippets';

export interface IntegrationSnippet {
  type: string;
  description: string;
  body: { [key: string]: SnippetValue };
}

const lambdaInvocation = text(
  'arn:aws:apigateway:',
  tab(1, 'us-east-1'),
  ':lambda:path/2015-03-31/functions/arn:aws:lambda:',
  tab(2, 'us-east-1'),
  ':',
  tab(3, '123456789012'),
  ':function:',
  tab(4, 'my-function'),
  '/invocations',
);
const backendUrl = text('https://', tab(1, 'example.com'), '/', tab(2, 'path'));
const defaultResponse = { default: { statusCode: lit('200', true) } };

/** The snippets that fit an API type (REST: all five types; HTTP: the two proxy types). */
export function integrationSnippets(apiType: 'REST' | 'HTTP' | 'WEBSOCKET'): IntegrationSnippet[] {
  if (apiType === 'HTTP') {
    return [
      {
        type: 'aws_proxy',
        description: 'Lambda proxy integration (HTTP API, payload format 2.0)',
        body: {
          type: lit('aws_proxy'),
          httpMethod: lit('POST'),
          uri: lambdaInvocation,
          payloadFormatVersion: lit('2.0', true),
        },
      },
      {
        type: 'http_proxy',
        description: 'HTTP proxy integration (HTTP API)',
        body: {
          type: lit('http_proxy'),
          httpMethod: lit('ANY'),
          uri: backendUrl,
          payloadFormatVersion: lit('1.0', true),
        },
      },
    ];
  }
  return [
    {
      type: 'aws_proxy',
      description: 'Lambda proxy integration (REST API)',
      body: {
        type: lit('aws_proxy'),
        httpMethod: lit('POST'),
        uri: lambdaInvocation,
        passthroughBehavior: lit('when_no_match'),
      },
    },
    {
      type: 'aws',
      description: 'AWS service integration with mapping templates (REST API)',
      body: {
        type: lit('aws'),
        httpMethod: lit('POST'),
        uri: text('arn:aws:apigateway:', tab(1, 'us-east-1'), ':', tab(2, 'sqs'), ':action/', tab(3, 'SendMessage')),
        credentials: text('arn:aws:iam::', tab(4, '123456789012'), ':role/', tab(5, 'apigateway-role')),
        requestTemplates: { 'application/json': text(tab(6, '{}')) },
        passthroughBehavior: lit('when_no_templates'),
        responses: defaultResponse,
      },
    },
    {
      type: 'http',
      description: 'HTTP integration with mapping templates (REST API)',
      body: {
        type: lit('http'),
        httpMethod: lit('GET'),
        uri: backendUrl,
        requestTemplates: { 'application/json': text(tab(3, "$input.json('$')")) },
        passthroughBehavior: lit('when_no_match'),
        responses: defaultResponse,
      },
    },
    {
      type: 'http_proxy',
      description: 'HTTP proxy integration (REST API)',
      body: {
        type: lit('http_proxy'),
        httpMethod: lit('ANY'),
        uri: backendUrl,
        passthroughBehavior: lit('when_no_match'),
      },
    },
    {
      type: 'mock',
      description: 'Mock integration: API Gateway answers itself (REST API)',
      body: {
        type: lit('mock'),
        requestTemplates: { 'application/json': lit('{"statusCode": 200}', true) },
        passthroughBehavior: lit('when_no_match'),
        responses: defaultResponse,
      },
    },
  ];
}
