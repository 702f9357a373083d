// The AWS JSON protocols (1.0 and 1.1): POST / with the operation in `X-Amz-Target` ('Logs_20140328.FilterLogEvents')
// and a JSON body. The installed SDKs speak JSON 1.0 for CloudWatch (awsQueryCompatible: errors also carry
// `x-amzn-query-error`), JSON 1.1 for CloudWatch Logs and the Price List API. Errors are `{"__type", "message"}`.
import type { IncomingHttpHeaders } from 'node:http';
import type { Ctx, Reply, JsonService } from './context';
import { AwsError } from './errors';
import { cloudwatchOperations } from './cloudwatch';
import { logsOperations } from './logs';
import { pricingOperations } from './pricing';
import { isObj, type Json } from './util';

/** A JSON-protocol operation: gets the parsed input, returns the output object (or throws an AwsError). */
export type JsonHandler = (input: Json, ctx: Ctx) => Json;

const SERVICES: Record<
  string,
  { service: JsonService; version: '1.0' | '1.1'; operations: Record<string, JsonHandler> }
> = {
  GraniteServiceVersion20100801: { service: 'monitoring', version: '1.0', operations: cloudwatchOperations },
  Logs_20140328: { service: 'logs', version: '1.1', operations: logsOperations },
  AWSPriceListService: { service: 'pricing', version: '1.1', operations: pricingOperations },
};

/** The service and operation an `X-Amz-Target` names, or undefined when the request is not a JSON-protocol call. */
export function jsonTarget(headers: IncomingHttpHeaders): { service: JsonService; operation: string } | undefined {
  const target = headers['x-amz-target'];
  if (typeof target !== 'string') return undefined;
  const dot = target.lastIndexOf('.');
  const entry = SERVICES[target.slice(0, dot)];
  return entry ? { service: entry.service, operation: target.slice(dot + 1) } : undefined;
}

function versionOf(service: JsonService): '1.0' | '1.1' {
  return Object.values(SERVICES).find((s) => s.service === service)?.version ?? '1.1';
}

/** Runs the operation of a JSON-protocol request. */
export function jsonCall(ctx: Ctx): Reply {
  const entry = Object.values(SERVICES).find((s) => s.service === ctx.service);
  const handler = entry?.operations[ctx.operation];
  if (!entry || !handler)
    throw new AwsError(400, 'UnknownOperationException', `The AWS test double does not model ${ctx.operation}`);
  let input: unknown = {};
  if (ctx.body.length > 0) {
    try {
      input = JSON.parse(ctx.body.toString('utf8'));
    } catch {
      throw new AwsError(400, 'SerializationException', 'Could not parse request body into json');
    }
  }
  if (!isObj(input))
    throw new AwsError(400, 'SerializationException', 'Start of structure or map found where not expected');
  return {
    status: 200,
    body: handler(input, ctx),
    headers: { 'content-type': `application/x-amz-json-${entry.version}` },
  };
}

/** CloudWatch's awsQuery error codes that are not the JSON name without 'Exception'. */
const cloudwatchQueryCodes = new Map([
  ['MissingRequiredParameterException', 'MissingParameter'],
  ['LimitExceededException', 'LimitExceededException'],
  ['InternalServiceFault', 'InternalServiceError'],
  ['InvalidFormatFault', 'InvalidFormat'],
  ['LimitExceededFault', 'LimitExceeded'],
]);

/** An error as the JSON protocols write it; CloudWatch's query-compatible mode also names the awsQuery code. */
export function jsonError(e: AwsError, service: JsonService): Reply {
  const headers: Record<string, string> = {
    'content-type': `application/x-amz-json-${versionOf(service)}`,
    ...e.headers,
  };
  // CloudWatch's awsQuery codes are mostly its JSON error names without 'Exception' (InvalidParameterValueException →
  // InvalidParameterValue), a few are not (the SDK's awsQueryError traits); the SDK finds the error class by the code.
  if (service === 'monitoring') {
    const code = cloudwatchQueryCodes.get(e.type) ?? e.type.replace(/Exception$/, '');
    headers['x-amzn-query-error'] = `${code};${e.status >= 500 ? 'Receiver' : 'Sender'}`;
  }
  return { status: e.status, body: { __type: e.type, message: e.message, ...e.extra }, headers };
}
