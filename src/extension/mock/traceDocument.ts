import type { RequestEvent, TraceStep } from '../../runtime/types';

/**
 * A request's full trace as Markdown, for the read-only document opened from the "Mock Requests" view:
 * every stage with what it did, how long it took and its data (rendered templates, integration call...).
 */
export function traceMarkdown(api: string, at: Date, event: RequestEvent): string {
  const lines = [
    `# ${event.method} ${event.path} → ${event.status}`,
    '',
    `- API: ${api}`,
    `- Route: ${event.route ?? '(none matched)'}`,
    `- Request id: ${event.requestId}`,
    `- At: ${at.toISOString()}`,
    `- Latency: ${event.latencyMs} ms`,
    '',
  ];
  const warnings = event.trace.filter((step) => step.warning === true);
  if (warnings.length > 0) lines.push('## Warnings', '', ...warnings.map((step) => `- ⚠ ${step.detail}`), '');
  lines.push('## Stages', '');
  event.trace.forEach((step, i) => lines.push(...stepMarkdown(i + 1, step)));
  if (event.trace.length === 0) lines.push('(no stage ran)', '');
  if (event.logs.length > 0) lines.push('## Handler output', '', fence('text', event.logs.join('\n')), '');
  return lines.join('\n');
}

function stepMarkdown(n: number, step: TraceStep): string[] {
  const warning = step.warning === true ? ' ⚠ warning' : '';
  const out = [`### ${n}. ${step.stage} (${formatMs(step.ms)})${warning}`, '', step.detail, ''];
  if (step.data !== undefined) out.push(fence('json', safeJson(step.data)), '');
  return out;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
function fence(lang: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${lang}\n${text}\n${marks}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}
