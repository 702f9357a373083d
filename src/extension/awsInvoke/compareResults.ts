/**
 * "Compare local and AWS": the differences between the local mock's answer and AWS's to the same request, by part
 * (status, each header, body), for the side-by-side view. Pure.
 */

/** What is compared of an answer. */
export interface ComparedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type HeaderState = 'same' | 'different' | 'onlyLocal' | 'onlyAws';

export interface HeaderComparison {
  /** The name as the local answer (else AWS's) writes it. */
  name: string;
  local?: string;
  aws?: string;
  state: HeaderState;
  /** A header that differs on every request (request ids, dates, trace ids): not counted as a difference. */
  varies?: boolean;
}

/** One row of the side-by-side body: a line of each (or of one side only), and whether they are the same. */
export interface BodyLine {
  local?: string;
  aws?: string;
  same: boolean;
}

export interface BodyComparison {
  same: boolean;
  /** Both bodies are JSON: compared as values (key order and spacing do not count), shown pretty-printed. */
  json: boolean;
  /** The texts differ, but only in spacing or key order (JSON) / surrounding white space (text). */
  formattingOnly: boolean;
  lines: BodyLine[];
}

export interface ResultComparison {
  status: { local: number; aws: number; same: boolean };
  headers: HeaderComparison[];
  body: BodyComparison;
  /** Status, body and every header but those that vary are the same. */
  same: boolean;
  /** One line: "Same status and body; 2 headers differ: content-type, x-trace". */
  summary: string;
}

/** Headers that differ on every request, or that only one side's transport adds. */
const varyingHeaders = new Set([
  'date',
  'x-amzn-requestid',
  'x-amz-apigw-id',
  'apigw-requestid',
  'x-amzn-trace-id',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-cache',
  'via',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

export function compareResults(local: ComparedAnswer, aws: ComparedAnswer): ResultComparison {
  const status = { local: local.status, aws: aws.status, same: local.status === aws.status };
  const headers = compareHeaders(local.headers, aws.headers);
  const body = compareBodies(local.body, aws.body);
  const differing = headers.filter((h) => h.state !== 'same' && !h.varies);
  const same = status.same && body.same && differing.length === 0;
  return { status, headers, body, same, summary: summarize(status.same, body, differing) };
}

function summarize(statusSame: boolean, body: BodyComparison, differing: HeaderComparison[]): string {
  const parts: string[] = [];
  const sameParts = [statusSame && 'status', body.same && 'body'].filter(Boolean).join(' and ');
  const otherParts = [!statusSame && 'status', !body.same && 'body'].filter(Boolean).join(' and ');
  if (sameParts !== '')
    parts.push(`same ${sameParts}${body.same && body.formattingOnly ? ' (formatted differently)' : ''}`);
  if (otherParts !== '') parts.push(`different ${otherParts}`);
  if (differing.length === 0) parts.push('same headers');
  else {
    const names = differing.map((h) => h.name).join(', ');
    parts.push(
      `${differing.length} header${differing.length === 1 ? '' : 's'} differ${differing.length === 1 ? 's' : ''}: ${names}`,
    );
  }
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every header of either side once, by name case-insensitively, sorted by name. */
export function compareHeaders(local: Record<string, string>, aws: Record<string, string>): HeaderComparison[] {
  const rows = new Map<string, HeaderComparison>();
  for (const [name, value] of Object.entries(local)) {
    rows.set(name.toLowerCase(), { name, local: value, state: 'onlyLocal' });
  }
  for (const [name, value] of Object.entries(aws)) {
    const row = rows.get(name.toLowerCase());
    if (row) {
      row.aws = value;
      row.state = row.local === value ? 'same' : 'different';
    } else {
      rows.set(name.toLowerCase(), { name, aws: value, state: 'onlyAws' });
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, row]) => (varyingHeaders.has(key) ? { ...row, varies: true } : row));
}

/** JSON text as a value, or undefined when it is not JSON (an empty body is not). */
function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The value with object keys sorted, so two values print the same when they are equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out = new Map<string, unknown>();
    for (const key of Object.keys(value).sort()) out.set(key, canonical((value as Record<string, unknown>)[key]));
    return Object.fromEntries(out);
  }
  return value;
}

export function compareBodies(local: string, aws: string): BodyComparison {
  const localJson = parseJson(local);
  const awsJson = parseJson(aws);
  if (localJson && awsJson) {
    const a = JSON.stringify(canonical(localJson.value), null, 2);
    const b = JSON.stringify(canonical(awsJson.value), null, 2);
    const same = a === b;
    return { same, json: true, formattingOnly: same && local !== aws, lines: diffLines(a, b) };
  }
  const same = local === aws || local.trim() === aws.trim();
  return { same, json: false, formattingOnly: same && local !== aws, lines: diffLines(local, aws) };
}

/** Above this many lines × lines, the line diff is not searched: lines are paired in order. */
const diffBudget = 1_000_000;

/** The two texts line by line, aligned on their longest common subsequence of lines. */
export function diffLines(localText: string, awsText: string): BodyLine[] {
  const a = localText === '' ? [] : localText.split(/\r?\n/);
  const b = awsText === '' ? [] : awsText.split(/\r?\n/);
  if (a.length * b.length > diffBudget) return pairInOrder(a, b);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const rows: BodyLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ local: a[i]!, aws: b[j]!, same: true });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      rows.push({ aws: b[j]!, same: false });
      j++;
    } else {
      rows.push({ local: a[i]!, same: false });
      i++;
    }
  }
  return pairChanges(rows);
}

/** Puts a run of removed lines beside the run of added lines that follows it, as a side-by-side view shows them. */
function pairChanges(rows: BodyLine[]): BodyLine[] {
  const out: BodyLine[] = [];
  let k = 0;
  while (k < rows.length) {
    if (rows[k]!.same) {
      out.push(rows[k]!);
      k++;
      continue;
    }
    const locals: string[] = [];
    const awss: string[] = [];
    while (k < rows.length && !rows[k]!.same) {
      const row = rows[k]!;
      if (row.local !== undefined) locals.push(row.local);
      if (row.aws !== undefined) awss.push(row.aws);
      k++;
    }
    out.push(...pairInOrder(locals, awss));
  }
  return out;
}

function pairInOrder(a: readonly string[], b: readonly string[]): BodyLine[] {
  const rows: BodyLine[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const local = a[k];
    const aws = b[k];
    rows.push({
      ...(local !== undefined ? { local } : {}),
      ...(aws !== undefined ? { aws } : {}),
      same: local !== undefined && local === aws,
    });
  }
  return rows;
}
