// CloudWatch Logs (JSON 1.1) for the operations the product calls. Log groups live in AwsState.logGroups (tests seed
// them with state.addLogGroup). Names and error messages follow the CloudWatch Logs API Reference. FilterLogEvents
// and StartLiveTail are in logEvents.ts.
import type { JsonHandler } from './jsonProtocol';
import { AwsError } from './errors';
import { pageV2Json } from './jsonPaging';
import { filterLogEvents, startLiveTail } from './logEvents';
import { str } from './util';

const LOG_GROUP_NAME = /^[\w\-./#]{1,512}$/;

export const logsOperations: Record<string, JsonHandler> = {
  CreateLogGroup(input, ctx) {
    const name = str(input.logGroupName) ?? '';
    if (!LOG_GROUP_NAME.test(name))
      throw new AwsError(
        400,
        'InvalidParameterException',
        `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
      );
    if (ctx.state.logGroups.has(name))
      throw new AwsError(400, 'ResourceAlreadyExistsException', 'The specified log group already exists');
    ctx.state.addLogGroup(name);
    return {};
  },
  DescribeLogGroups(input, ctx) {
    const prefix = str(input.logGroupNamePrefix) ?? '';
    const groups = [...ctx.state.logGroups.values()]
      .filter((g) => g.name.startsWith(prefix))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((g) => ({
        logGroupName: g.name,
        arn: g.arn,
        logGroupArn: g.arn.replace(/:\*$/, ''),
        creationTime: g.creationTime,
        storedBytes: g.events.reduce((n, e) => n + Buffer.byteLength(e.message), 0),
        ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
      }));
    return pageV2Json(groups, 'logGroups', input, 50);
  },
  FilterLogEvents: filterLogEvents,
  StartLiveTail: startLiveTail,
};
