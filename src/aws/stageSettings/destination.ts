// Where access logs go: a CloudWatch Logs log group (by name or ARN) or a Kinesis Data Firehose delivery stream
// (by ARN, whose name must begin with "amazon-apigateway-"). API Gateway takes the log group's ARN without the
// trailing ":*" that CloudWatch Logs shows.
import { partitionOf } from '../deploy/intrinsicValues';
import { logGroupNameOfArn } from '../logs/logGroupArn';

export type AccessLogDestination =
  | { kind: 'logGroup'; name: string; arn: string }
  | { kind: 'firehose'; arn: string }
  | { kind: 'invalid'; problem: string };

/** CloudWatch Logs' rule for log group names. */
const logGroupName = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** The log group ARN of `name` in a region and account. */
export function logGroupArn(region: string, accountId: string, name: string): string {
  return `arn:${partitionOf(region)}:logs:${region}:${accountId}:log-group:${name}`;
}

/** Reads what the user typed as the destination of access logs. */
export function parseDestination(text: string, region: string, accountId: string): AccessLogDestination {
  const value = text.trim();
  if (value === '') return { kind: 'invalid', problem: 'The access-log destination is empty: give a log group name.' };
  if (value.startsWith('arn:')) {
    const name = logGroupNameOfArn(value);
    if (name !== undefined) return { kind: 'logGroup', name, arn: value.replace(/:\*$/, '') };
    const stream = /^arn:[^:]+:firehose:[^:]*:[^:]*:deliverystream\/(.+)$/.exec(value)?.[1];
    if (stream !== undefined) {
      if (!stream.startsWith('amazon-apigateway-')) {
        return {
          kind: 'invalid',
          problem: `The Firehose stream "${stream}" cannot receive access logs: API Gateway requires its name to begin with "amazon-apigateway-".`,
        };
      }
      return { kind: 'firehose', arn: value };
    }
    return {
      kind: 'invalid',
      problem: `"${value}" is neither a CloudWatch Logs log group ARN nor a Firehose delivery stream ARN.`,
    };
  }
  if (!logGroupName.test(value)) {
    return {
      kind: 'invalid',
      problem: `"${value}" is not a log group name: use 1 to 512 letters, digits and . - _ / #.`,
    };
  }
  return { kind: 'logGroup', name: value, arn: logGroupArn(region, accountId, value) };
}

/** The log group an access log of a stage goes to by default. */
export function defaultAccessLogGroup(apiId: string, stage: string): string {
  return `API-Gateway-Access-Logs_${apiId}/${stage.replace(/[^.\-_/#A-Za-z0-9]/g, '_')}`;
}
