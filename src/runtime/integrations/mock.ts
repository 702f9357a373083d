import type { Exchange, IntegrationResult } from '../types';

const emptyBody = Buffer.alloc(0);

/**
 * MOCK: API Gateway answers itself. The status comes from the rendered request template's `statusCode`
 * (200 when there is none); the integration response stage then selects by that status.
 */
export function runMock(ex: Exchange): IntegrationResult {
  // Every request's rendered template is read again (issue 13: nothing a request renders is reused by the next).
  const status = mockStatus(ex.call?.body ?? '');
  if (ex.tracing) ex.trace.push({ stage: 'integration', detail: `MOCK answered ${status}`, ms: 0 });
  return { status, headers: {}, body: emptyBody };
}

/** The `statusCode` of the rendered request template, 200 when it has none or is not JSON. */
function mockStatus(text: string): number {
  try {
    const parsed = JSON.parse(text) as unknown;
    const code =
      parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['statusCode'] : undefined;
    const n = typeof code === 'string' ? Number(code) : code;
    if (typeof n === 'number' && Number.isInteger(n)) return n;
  } catch {
    // Not JSON: API Gateway answers 200.
  }
  return 200;
}
