// The access-log formats the API Gateway console offers (Common Log Format, JSON, XML, CSV), as the developer guide
// lists them: "Access logging for REST APIs" (set-up-access-logging), "Configuring logging for an HTTP API"
// (http-api-logging) and "Configuring logging for a WebSocket API" (websocket-api-logging). And the rule a format
// must follow: a single line that names the request id (REST: $context.requestId or $context.extendedRequestId;
// HTTP and WebSocket: $context.requestId, as the v2 API Reference's AccessLogSettings.Format says).
import type { AwsApiKind } from '../types';
import type { AccessLogPreset } from './types';

const rest: Record<AccessLogPreset, string> = {
  CLF:
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
    '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength ' +
    '$context.requestId $context.extendedRequestId',
  JSON:
    '{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId","ip": ' +
    '"$context.identity.sourceIp", "caller":"$context.identity.caller", "user":"$context.identity.user", ' +
    '"requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", ' +
    '"resourcePath":"$context.resourcePath", "status":"$context.status", "protocol":"$context.protocol", ' +
    '"responseLength":"$context.responseLength" }',
  XML:
    '<request id="$context.requestId"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> ' +
    '<ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> ' +
    '<user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> ' +
    '<httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> ' +
    '<status>$context.status</status> <protocol>$context.protocol</protocol> ' +
    '<responseLength>$context.responseLength</responseLength> </request>',
  CSV:
    '$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,' +
    '$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,' +
    '$context.requestId,$context.extendedRequestId',
};

const http: Record<AccessLogPreset, string> = {
  CLF:
    '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey ' +
    '$context.protocol" $context.status $context.responseLength $context.requestId',
  JSON:
    '{ "requestId":"$context.requestId", "ip": "$context.identity.sourceIp", ' +
    '"requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod","routeKey":"$context.routeKey", ' +
    '"status":"$context.status","protocol":"$context.protocol", "responseLength":"$context.responseLength" }',
  XML:
    '<request id="$context.requestId"> <ip>$context.identity.sourceIp</ip> ' +
    '<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> ' +
    '<routeKey>$context.routeKey</routeKey> <status>$context.status</status> ' +
    '<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>',
  CSV:
    '$context.identity.sourceIp,$context.requestTime,$context.httpMethod,$context.routeKey,$context.protocol,' +
    '$context.status,$context.responseLength,$context.requestId',
};

const websocket: Record<AccessLogPreset, string> = {
  CLF:
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
    '"$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
  JSON:
    '{"requestId":"$context.requestId", "ip": "$context.identity.sourceIp", ' +
    '"caller":"$context.identity.caller", "user":"$context.identity.user","requestTime":"$context.requestTime", ' +
    '"eventType":"$context.eventType","routeKey":"$context.routeKey", "status":"$context.status",' +
    '"connectionId":"$context.connectionId"}',
  XML:
    '<request id="$context.requestId"> <ip>$context.identity.sourceIp</ip> ' +
    '<caller>$context.identity.caller</caller> <user>$context.identity.user</user> ' +
    '<requestTime>$context.requestTime</requestTime> <eventType>$context.eventType</eventType> ' +
    '<routeKey>$context.routeKey</routeKey> <status>$context.status</status> ' +
    '<connectionId>$context.connectionId</connectionId> </request>',
  CSV:
    '$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,' +
    '$context.eventType,$context.routeKey,$context.connectionId,$context.status,$context.requestId',
};

export const accessLogPresets: readonly AccessLogPreset[] = ['CLF', 'JSON', 'XML', 'CSV'];

/** The console's format of `preset` for an API of `kind`. */
export function accessLogFormat(kind: AwsApiKind, preset: AccessLogPreset): string {
  const table = kind === 'REST' ? rest : kind === 'HTTP' ? http : websocket;
  return table[preset];
}

/** The preset a format is, when it is one (the settings show "JSON" rather than the text). */
export function presetOf(kind: AwsApiKind, format: string): AccessLogPreset | undefined {
  return accessLogPresets.find((p) => accessLogFormat(kind, p) === format.trim());
}

/** Why API Gateway would refuse `format` as an access-log format of a `kind` API, or undefined when it is fine. */
export function accessLogFormatProblem(kind: AwsApiKind, format: string): string | undefined {
  if (format.trim() === '')
    return 'The access-log format is empty: choose a preset (CLF, JSON, XML, CSV) or write one.';
  if (/[\r\n]/.test(format)) {
    return 'The access-log format has a line break: API Gateway writes one line per request, so the format must be one line.';
  }
  if (kind === 'REST') {
    if (!/\$context\.(requestId|extendedRequestId)\b/.test(format)) {
      return "The access-log format names neither $context.requestId nor $context.extendedRequestId: API Gateway requires at least one of them in a REST API's access-log format.";
    }
    return undefined;
  }
  if (!/\$context\.requestId\b/.test(format)) {
    return `The access-log format does not name $context.requestId: API Gateway requires it in the access-log format of ${kind === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API.`;
  }
  return undefined;
}
