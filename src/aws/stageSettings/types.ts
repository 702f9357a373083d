// The vocabulary of a stage's logging settings: what is set now, what the user asks for, and the plan that gets
// from one to the other (read-only to show, then applied after confirmation). Types only.
import type { AwsApiKind } from '../types';

/** Execution logging level of a REST or WebSocket stage (HTTP APIs have no execution logs). */
export type ExecutionLogLevel = 'OFF' | 'ERROR' | 'INFO';

/** The access-log formats the API Gateway console offers (see accessLogFormats.ts). */
export type AccessLogPreset = 'CLF' | 'JSON' | 'XML' | 'CSV';

/** Which stage: an API of a kind, by id and name (the name for messages), and the stage's name. */
export interface StageRef {
  kind: AwsApiKind;
  apiId: string;
  apiName: string;
  stage: string;
}

/** Where access logs go now: a CloudWatch Logs log group or a Firehose stream (by ARN), and the line format. */
export interface AccessLogSettings {
  destinationArn: string;
  format: string;
}

/** A stage's logging and metrics settings as they are, with the facts the planner checks. */
export interface StageLoggingSettings extends StageRef {
  region: string;
  /** The account the stage is in (from STS); log group ARNs are built with it. */
  accountId: string;
  /** REST: the `*\/*` method settings; WebSocket: the default route settings; undefined for HTTP. */
  executionLogging?: ExecutionLogLevel;
  /** Full request and response data in the execution log (REST, WebSocket). */
  dataTrace?: boolean;
  /** REST: `*\/*` metrics enabled; v2: DetailedMetricsEnabled of the default route. */
  detailedMetrics: boolean;
  accessLog?: AccessLogSettings;
  /**
   * REST and WebSocket: the CloudWatch Logs role of the account in this region (GetAccount), '' when none is
   * set (API Gateway then refuses to turn logging on). Undefined for HTTP APIs, which need none.
   */
  cloudWatchRoleArn?: string;
  /** The CloudFormation stack the stage (or its API) belongs to: tag `aws:cloudformation:stack-name`. */
  stack?: string;
  /** v2: the default route settings as they are (throttling kept when the logging fields change). */
  defaultRouteSettings?: Record<string, unknown>;
}

/** What to change; a field left out stays as it is. */
export interface LoggingChange {
  executionLogging?: ExecutionLogLevel;
  dataTrace?: boolean;
  detailedMetrics?: boolean;
  /**
   * false: turn access logging off. Otherwise on, to `destination` (a log group name, a log group ARN or a
   * Firehose delivery stream ARN) in `format` (a preset's text or a custom format).
   */
  accessLog?: false | { destination: string; format: string };
}

/** One call of the plan. */
export interface StageSettingsStep {
  operation: 'CreateLogGroup' | 'UpdateStage' | 'DeleteAccessLogSettings';
  title: string;
  input: Record<string, unknown>;
}

/** One line of the plan a person reads: "execution logging: OFF → INFO". */
export interface StageSettingChange {
  setting: string;
  before: string;
  after: string;
}

export interface StageSettingsPlan {
  target: StageRef & { region: string };
  changes: StageSettingChange[];
  steps: StageSettingsStep[];
  /** What the user should know before confirming (a CloudFormation stack will undo it, sensitive data is logged). */
  warnings: string[];
}

/** The plan, or why AWS would refuse it (each refusal says what to do). */
export type StageSettingsPlanResult = { ok: true; plan: StageSettingsPlan } | { ok: false; refusals: string[] };

/** What applying did: the titles of the steps that ran, and the failure, if any. */
export type StageSettingsOutcome =
  { ok: true; done: string[] } | { ok: false; done: string[]; notDone: string[]; message: string };
