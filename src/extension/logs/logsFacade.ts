import type * as awsBundle from '../../aws';
import type { TailOptions } from '../../aws/logs/tailLogs';
import type { StageLogGroups, StageLogKind, TailItem } from '../../aws/logs/types';
import type { AwsApiKind, AwsClients } from '../../aws/types';

/** The part of dist/aws.js that Tail Logs calls (checked against src/aws/index.ts below). */
export interface StageLogsFacade {
  readStageLogGroups(
    clients: AwsClients,
    api: { kind: AwsApiKind; id: string },
    stage: string,
  ): Promise<StageLogGroups>;
  logGroupToTail(
    groups: StageLogGroups,
    which: StageLogKind,
    loggingSettingsHint: string,
  ): { ok: true; name: string } | { ok: false; reason: string; message: string };
  missingLogGroupHint(which: StageLogKind): string;
  findLogGroup(clients: AwsClients, name: string, hint?: string): Promise<{ name: string; arn: string }>;
  tailLogs(clients: AwsClients, options: TailOptions): AsyncIterable<TailItem>;
}

/** Compile-time only: the bundle has what Tail Logs calls. */
type Fits<T extends StageLogsFacade> = T;
export type StageLogsBundleFits = Fits<typeof awsBundle>;

/** The facade as Tail Logs needs it, or undefined when the loaded bundle is older than this code. */
export function stageLogsFacade(facade: unknown): StageLogsFacade | undefined {
  const bundle = facade as Partial<StageLogsFacade>;
  return typeof bundle.tailLogs === 'function' && typeof bundle.readStageLogGroups === 'function'
    ? (bundle as StageLogsFacade)
    : undefined;
}
