// A log group by name (DescribeLogGroups with the name as prefix, paged): its ARN is what Live Tail needs, and a
// group that does not exist is told before any tailing starts.
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { guarded, requireText } from '../guard';
import { paginate } from '../paginate';
import { AwsError, type AwsClients } from '../types';

export interface LogGroupRef {
  name: string;
  /** The group's ARN without the trailing `:*` (StartLiveTail refuses ARNs that end with it). */
  arn: string;
}

/** The error of a log group that does not exist; `hint` says what to do where the caller knows why it should. */
export function logGroupNotFound(name: string, region: string, hint?: string): AwsError {
  return new AwsError({
    kind: 'notFound',
    operation: 'DescribeLogGroups',
    message: `The log group ${name} does not exist in ${region}.${hint ? ` ${hint}` : ''}`,
  });
}

/** Finds the log group called `name`; an AwsError of kind notFound when there is none. */
export async function findLogGroup(clients: AwsClients, name: string, hint?: string): Promise<LogGroupRef> {
  requireText(name, 'A log group name', 'DescribeLogGroups');
  const found = await guarded(clients, async () => {
    const groups = paginate(
      (token) =>
        clients.logs.send(
          new DescribeLogGroupsCommand({ logGroupNamePrefix: name, ...(token ? { nextToken: token } : {}) }),
        ),
      (page) => page.logGroups,
      (page) => page.nextToken,
    );
    for await (const group of groups) if (group.logGroupName === name) return group;
    return undefined;
  });
  if (!found) throw logGroupNotFound(name, clients.place.region, hint);
  const arn = found.logGroupArn ?? (found.arn ?? '').replace(/:\*$/, '');
  return { name, arn };
}
