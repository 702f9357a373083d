// apigw test's results: what each example request gave, how it is printed as it runs, the summary, and the JUnit
// report (../junit.ts writes the XML).
import type { GatewayApi, Route } from '../../model';
import type { MockRuntime, RequestEvent } from '../../runtime';
import type { Mismatch } from '../../runtime/contract/check';
import type { ExampleRequest } from '../../runtime/contract/exampleRequests';
import type { CliIo } from '../io';
import { junitXml, type JUnitCase } from '../junit';

export type Outcome =
  | { kind: 'passed' }
  | { kind: 'failed'; reason: string; mismatches: Mismatch[] }
  | { kind: 'error'; reason: string }
  | { kind: 'skipped'; reason: string };

export interface RequestResult {
  route: Route;
  request: ExampleRequest;
  url: string;
  status?: number;
  ms: number;
  outcome: Outcome;
  /** A 5XX the gateway answered itself (the backend or handler failed, or could not be reached). */
  gatewayFailure?: boolean;
}

/** The API under test and where its requests go. */
export interface Target {
  baseUrl: string;
  api: GatewayApi;
  /** The mock started for the test (undefined: a URL given with --base-url). */
  mock?: { runtime: MockRuntime; events: Map<string, RequestEvent>; apiKey: string };
}

export function label(result: RequestResult): string {
  const { route, request } = result;
  const id = route.operationId !== undefined ? ` (${route.operationId})` : '';
  return `${route.method} ${route.path}${id}${request.name === '' ? '' : ` [${request.name}]`}`;
}

export function printResult(result: RequestResult, io: CliIo): void {
  const o = result.outcome;
  const status = result.status !== undefined ? ` → ${result.status}` : '';
  const word = o.kind === 'passed' ? 'PASS' : o.kind === 'skipped' ? 'SKIP' : o.kind === 'failed' ? 'FAIL' : 'ERROR';
  const reason = o.kind === 'passed' ? '' : `: ${o.reason}`;
  io.out(`${word.padEnd(5)} ${label(result)}${status}${reason}\n`);
  if (o.kind === 'failed') for (const m of o.mismatches) io.out(`        ${m.text}\n`);
}

export function printSummary(results: RequestResult[], io: CliIo): void {
  const count = (kind: Outcome['kind']): number => results.filter((r) => r.outcome.kind === kind).length;
  const errors = count('error');
  io.out(
    `${results.length} request${results.length === 1 ? '' : 's'}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped${errors > 0 ? `, ${errors} errors` : ''}\n`,
  );
  const down = [
    ...new Set(
      results.filter((r) => r.gatewayFailure).map((r) => r.route.operationId ?? `${r.route.method} ${r.route.path}`),
    ),
  ];
  if (down.length > 0) {
    io.out(
      `The gateway answered 5XX for ${down.join(', ')}: see why above (a handler that failed, a backend that is not running here). Leave out what cannot run here with ${down.map((id) => `--skip ${id.includes(' ') ? `'${id}'` : id}`).join(' ')}.\n`,
    );
  }
}

export function report(target: Target, results: RequestResult[], startedAt: Date, file: string): string {
  const cases: JUnitCase[] = results.map((r) => {
    const o = r.outcome;
    const classname = `${target.api.name}.${r.route.operationId ?? `${r.route.method} ${r.route.path}`}`;
    const sent = `${r.request.method} ${r.url}${r.request.body ? `\ncontent-type: ${r.request.body.contentType}\n\n${r.request.body.text}` : ''}`;
    const outcome: JUnitCase['outcome'] =
      o.kind === 'passed'
        ? { kind: 'passed' }
        : o.kind === 'skipped'
          ? { kind: 'skipped', message: o.reason }
          : o.kind === 'error'
            ? { kind: 'error', message: o.reason, details: o.reason, type: 'RequestFailed' }
            : {
                kind: 'failed',
                message: o.mismatches.length > 0 ? `${o.reason}: ${o.mismatches[0]!.text}` : o.reason,
                details: [o.reason, ...o.mismatches.map((m) => m.text)].join('\n'),
                type: r.gatewayFailure ? 'GatewayResponse' : 'ContractMismatch',
              };
    return {
      name: label(r),
      classname,
      time: r.ms / 1000,
      outcome,
      output: r.url === '' ? '' : `${sent}\n→ ${r.status ?? 'no answer'}`,
    };
  });
  return junitXml(
    [
      {
        name: target.api.name,
        timestamp: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
        properties: [
          ['definition', file],
          ['baseUrl', target.baseUrl],
          ['target', target.mock ? 'mock' : 'url'],
        ],
        cases,
      },
    ],
    'apigw test',
  );
}
