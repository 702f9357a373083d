import path from 'node:path';
import { dict } from '../../shared/dict';
import type { Stage } from '../stages/stage';
import type { Exchange, MockResponse, ServedApi } from '../types';
import { checkResponse, type Mismatch } from './check';

/**
 * The response contract check, run on every response after the other finally stages (so it sees what the client
 * gets, CORS headers and all): a response an integration produced — MOCK, HTTP, Lambda, proxy or not, or the
 * stage cache — is checked against the matched operation's responses (contract/check.ts). Each mismatch is a
 * warning step in the trace (the Invoke panel, the Mock Requests view and `apigw mock`'s log show them, traced or
 * not); in `strict` mode the client gets a 502 naming the mismatches instead. Gateway responses (the gateway
 * refusing a request or an integration failing) are API Gateway's own answers, not the operation's, and are
 * not checked.
 */
export const contractStage: Stage = {
  name: 'contract',
  // Nothing to check against unless some operation declares responses.
  appliesTo: (served: ServedApi) =>
    (served.config.checkResponses ?? 'warn') !== 'off' &&
    served.api.type !== 'WEBSOCKET' &&
    served.api.routes.some((r) => r.responses.length > 0),
  run(ex) {
    const route = ex.match?.route;
    const response = ex.response;
    if (route === undefined || response === undefined || ex.error !== undefined || route.responses.length === 0)
      return undefined;
    const mode = ex.served.config.checkResponses ?? 'warn';
    if (mode === 'off') return undefined;
    const result = checkResponse(route, response, { method: ex.request.method });
    if (result.mismatches.length === 0) {
      if (ex.tracing) {
        const declared = result.response;
        const what =
          declared === undefined ? '' : ` ${declared.statusCode}${result.contentType ? ` ${result.contentType}` : ''}`;
        const where =
          declared === undefined ? '' : ` (${path.basename(declared.loc.file)}:${declared.loc.range.start.line + 1})`;
        ex.trace.push({
          stage: 'contract',
          detail: `the response matches the definition's${what} response${where}${result.note ? `; ${result.note}` : ''}`,
          ms: 0,
        });
      }
      return undefined;
    }
    for (const mismatch of result.mismatches) {
      ex.trace.push({
        stage: 'contract',
        detail: `The response does not match the definition: ${mismatch.text}`,
        ms: 0,
        warning: true,
        data: mismatchData(mismatch),
      });
    }
    if (mode === 'strict') strict(ex, response, result.mismatches);
    return undefined;
  },
};

/** `strict`: a 502 naming the mismatches (with the CORS headers the response had, so a browser can read it). */
function strict(ex: Exchange, original: MockResponse, mismatches: Mismatch[]): void {
  const headers = dict<string>();
  headers['Content-Type'] = 'application/json';
  for (const name of Object.keys(original.headers))
    if (name.toLowerCase().startsWith('access-control-')) headers[name] = original.headers[name]!;
  ex.response = {
    status: 502,
    headers,
    body: Buffer.from(
      JSON.stringify({
        message: 'The response does not match the API definition',
        status: original.status,
        mismatches: mismatches.map((m) => m.text),
      }),
    ),
  };
  ex.trace.push({
    stage: 'gatewayResponse',
    detail: `CONTRACT_MISMATCH 502: the ${original.status} response does not match the definition (strict response checks): fix the integration or the definition's responses.`,
    ms: 0,
  });
}

function mismatchData(m: Mismatch): Record<string, unknown> {
  return {
    kind: m.kind,
    ...(m.pointer !== undefined ? { pointer: m.pointer } : {}),
    ...(m.header !== undefined ? { header: m.header } : {}),
    message: m.message,
    ...(m.file !== undefined ? { file: m.file, line: m.line } : {}),
  };
}
