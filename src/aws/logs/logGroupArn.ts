/**
 * The log group name of a CloudWatch Logs ARN (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME`, with or without the
 * trailing `:*`, in any partition); undefined for other ARNs (a Firehose delivery stream).
 */
export function logGroupNameOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(arn.trim())?.[1];
}
