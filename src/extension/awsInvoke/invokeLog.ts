import type { LogStep } from '../../aws';

/**
 * TestInvokeMethod's execution log as the Invoke panel shows it: the steps (one per time-stamped line, as the core's
 * `logSteps` splits them) grouped into the stages of a request, as the console's Test groups them: method request,
 * authorizer, integration request (the request template's output), integration, integration response, method
 * response (the response template's output), gateway response, and the end. Pure.
 */

export type AwsLogStage =
  | 'start'
  | 'method request'
  | 'authorizer'
  | 'integration request'
  | 'integration'
  | 'integration response'
  | 'method response'
  | 'gateway response'
  | 'end'
  | 'error';

/** One line of the log: a title ("Method request headers") and its value (a map, a body, a template's output). */
export interface AwsLogEntry {
  title: string;
  value: string;
  /** The time AWS stamped (second resolution), e.g. "Thu Nov 09 18:02:40 UTC 2023". */
  time?: string;
  /** The value is what a mapping template produced (the request template, or the response template). */
  template?: 'request' | 'response';
  /** The line says something failed. */
  failed?: boolean;
}

/** Consecutive entries of one stage. */
export interface AwsLogSection {
  stage: AwsLogStage;
  /** "Method request", "Integration request"… */
  title: string;
  entries: AwsLogEntry[];
  failed?: boolean;
}

export interface PresentedLog {
  /** The request id of the first line ("Execution log for request …"). */
  requestId?: string;
  sections: AwsLogSection[];
}

const stageTitles: Record<AwsLogStage, string> = {
  start: 'Start',
  'method request': 'Method request',
  authorizer: 'Authorizer',
  'integration request': 'Integration request',
  integration: 'Integration',
  'integration response': 'Integration response',
  'method response': 'Method response',
  'gateway response': 'Gateway response',
  end: 'Result',
  error: 'Error',
};

/** Which stage a line belongs to, by how AWS words its title; none: the stage of the line before. */
const stageRules: Array<[RegExp, AwsLogStage]> = [
  [/^Starting execution for request/i, 'start'],
  [/^(Execution failed|Lambda execution failed|Lambda invocation failed)/i, 'error'],
  [/authorizer|^Incoming identity|^Using valid .* policy/i, 'authorizer'],
  [
    /^(HTTP Method|Method request|Request validation|Request body does not match|API Key|Usage Plan|Extended request)/i,
    'method request',
  ],
  [/^Endpoint request/i, 'integration request'],
  [/^(Sending request to|Received response|Endpoint response status)/i, 'integration'],
  [/^(Endpoint response|Transformed Lambda response|Lambda response)/i, 'integration response'],
  [/^Method response/i, 'method response'],
  [/^Gateway response/i, 'gateway response'],
  [/^(Successfully completed execution|Method completed with status|Execution completed)/i, 'end'],
];

/** The part of a line its stage is told by: up to the first ': ' (a body after it may say anything). */
function headOf(text: string): string {
  const colon = text.indexOf(': ');
  return (colon >= 0 ? text.slice(0, colon) : (text.split('\n')[0] ?? '')).slice(0, 160);
}

const failedLine = /failed|error:|does not match|timed out|timeout|invalid|denied|unauthorized/i;

/** "Method request headers: {…}" → title and value; a line with no short title before ': ' is all value. */
function splitLine(text: string): { title: string; value: string } {
  const http = /^HTTP Method: (\S+), Resource Path: (.*)$/s.exec(text);
  if (http) return { title: 'Request', value: `${http[1]} ${http[2]}` };
  const colon = text.indexOf(': ');
  const title = colon > 0 ? text.slice(0, colon) : '';
  if (colon > 0 && title.length <= 80 && !/[{}[\]"]/.test(title)) {
    return { title, value: text.slice(colon + 2) };
  }
  return { title: text.split('\n')[0] ?? text, value: text.includes('\n') ? text.slice(text.indexOf('\n') + 1) : '' };
}

/** Groups TestInvokeMethod's log steps into the stages of the request. */
export function presentLog(steps: readonly LogStep[]): PresentedLog {
  const out: PresentedLog = { sections: [] };
  let stage: AwsLogStage = 'start';
  /** Between "Starting authorizer" and its end, the authorizer's own calls are logged as endpoint requests. */
  let inAuthorizer = false;
  for (const step of steps) {
    const first = /^Execution log for request (\S+)/.exec(step.text);
    if (first && step.time === undefined) {
      out.requestId = first[1];
      continue;
    }
    const head = headOf(step.text);
    const ruled = stageRules.find(([pattern]) => pattern.test(head))?.[1];
    if (/^Starting authorizer/i.test(head)) inAuthorizer = true;
    stage = inAuthorizer && ruled !== 'error' ? 'authorizer' : (ruled ?? stage);
    if (inAuthorizer && /completed authorizer|^Using valid .* policy|authorizer.*(failed|denied)/i.test(head)) {
      inAuthorizer = false;
    }
    const { title, value } = splitLine(step.text);
    const entry: AwsLogEntry = { title, value, ...(step.time !== undefined ? { time: step.time } : {}) };
    if (/^Endpoint request body after transformations/i.test(step.text)) entry.template = 'request';
    if (/^Method response body after transformations/i.test(step.text)) entry.template = 'response';
    const failed = stage === 'error' || (failedLine.test(title) && !/succeeded/i.test(title));
    if (failed) entry.failed = true;
    const last = out.sections[out.sections.length - 1];
    if (last && last.stage === stage) {
      last.entries.push(entry);
      if (failed) last.failed = true;
    } else {
      out.sections.push({ stage, title: stageTitles[stage], entries: [entry], ...(failed ? { failed: true } : {}) });
    }
  }
  return out;
}
