import type { Exchange, IntegrationResult } from '../types';

/**
 * MOCK: API Gateway answers itself. The status comes from the rendered request template's `statusCode`
 * (200 when there is none); the integration response stage then selects by that status.
 */
export function runMock(ex: Exchange): IntegrationResult {
  const text = ex.call?.body ?? '';
  let status = 200;
  try {
    const parsed = JSON.parse(text) as unknown;
    const code =
      parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['statusCode'] : undefined;
    const n = typeof code === 'string' ? Number(code) : code;
    if (typeof n === 'number' && Number.isInteger(n)) status = n;
  } catch {
    // Not JSON: API Gateway answers 200.
  }
  ex.trace.push({ stage: 'integration', detail: `MOCK answered ${status}`, ms: 0 });
  return { status, headers: {}, body: Buffer.alloc(0) };
}
