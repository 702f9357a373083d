// The vocabulary of stage logs: which log groups a stage writes to, one log event as the tail shows it, and what a
// tail yields (events, and notices that tell the user how it is tailing). Types only.

/** One log event of a tail, from FilterLogEvents or from a Live Tail session. */
export interface TailEvent {
  /** Milliseconds since the epoch (the event's own time, not its ingestion). */
  timestamp: number;
  logGroup: string;
  logStream: string;
  message: string;
  /** FilterLogEvents' id (Live Tail events have none). */
  eventId?: string;
  ingestionTime?: number;
}

/** How the tail goes, for the user: Live Tail started, refused (polling instead), a 3-hour session renewed… */
export interface TailNotice {
  code:
    | 'liveTailStarted' // a Live Tail session runs
    | 'liveTailRenewed' // the session ended (its 3-hour limit, or a stream error) and a new one started
    | 'liveTailRefused' // AccessDenied on logs:StartLiveTail: polling instead
    | 'liveTailUnsupported' // the endpoint does not speak Live Tail: polling instead
    | 'polling'; // following by FilterLogEvents every few seconds
  message: string;
}

export type TailItem = { kind: 'event'; event: TailEvent } | { kind: 'notice'; notice: TailNotice };

/** The execution log group of a REST or WebSocket stage, and whether (and how) the stage's settings turn it on. */
export interface ExecutionLogGroup {
  name: string;
  /** The stage-wide level ('INFO', 'ERROR' or 'OFF'; undefined when the stage does not say). */
  level?: string;
  /** Methods (REST 'pets/GET') or routes (WebSocket '$connect') that log although the stage-wide level is OFF. */
  loggingOverrides: string[];
  /** True when the stage-wide level or an override is INFO or ERROR. */
  enabled: boolean;
}

/** Where a stage's logs go: the two groups, each when the API kind has it. */
export interface StageLogGroups {
  apiId: string;
  stage: string;
  kind: 'REST' | 'HTTP' | 'WEBSOCKET';
  /** REST and WebSocket; undefined for HTTP APIs, which have no execution logs. */
  execution?: ExecutionLogGroup;
  /** The access log destination: a log group (name and ARN), or another destination (Firehose) that cannot be tailed. */
  access?: { name?: string; destinationArn: string; format?: string };
}

/** Which of a stage's logs. */
export type StageLogKind = 'execution' | 'access';
