/**
 * A JUnit XML report (the format CI servers read: Jenkins, GitLab, GitHub test reporters, Azure Pipelines): one
 * `<testsuite>` per suite, one `<testcase>` per case with a `<failure>`, `<error>` or `<skipped>` when it did not
 * pass. Written by hand: the format is small, and text from outside (messages, names) is escaped here.
 */
export interface JUnitCase {
  name: string;
  classname: string;
  /** Seconds. */
  time: number;
  outcome:
    | { kind: 'passed' }
    | { kind: 'failed'; message: string; details: string; type?: string }
    | { kind: 'error'; message: string; details: string; type?: string }
    | { kind: 'skipped'; message: string };
  /** Text for `<system-out>` (what was sent and received). */
  output?: string;
}

export interface JUnitSuite {
  name: string;
  /** ISO 8601 start time. */
  timestamp: string;
  properties: Array<[string, string]>;
  cases: JUnitCase[];
}

export function junitXml(suites: JUnitSuite[], name: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = counts(suites.flatMap((s) => s.cases));
  lines.push(`<testsuites ${attributes([['name', name], ...countAttributes(total)])}>`);
  for (const suite of suites) {
    const c = counts(suite.cases);
    lines.push(
      `  <testsuite ${attributes([['name', suite.name], ...countAttributes(c), ['timestamp', suite.timestamp]])}>`,
    );
    if (suite.properties.length > 0) {
      lines.push('    <properties>');
      for (const [key, value] of suite.properties)
        lines.push(
          `      <property ${attributes([
            ['name', key],
            ['value', value],
          ])}/>`,
        );
      lines.push('    </properties>');
    }
    for (const testCase of suite.cases) lines.push(...caseXml(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function caseXml(c: JUnitCase): string[] {
  const open = `    <testcase ${attributes([
    ['name', c.name],
    ['classname', c.classname],
    ['time', seconds(c.time)],
  ])}`;
  const inner: string[] = [];
  const o = c.outcome;
  if (o.kind === 'failed' || o.kind === 'error') {
    const tag = o.kind === 'failed' ? 'failure' : 'error';
    inner.push(
      `      <${tag} ${attributes([
        ['message', o.message],
        ['type', o.type ?? tag],
      ])}>${text(o.details)}</${tag}>`,
    );
  } else if (o.kind === 'skipped') {
    inner.push(`      <skipped ${attributes([['message', o.message]])}/>`);
  }
  if (c.output !== undefined && c.output !== '') inner.push(`      <system-out>${text(c.output)}</system-out>`);
  return inner.length === 0 ? [`${open}/>`] : [`${open}>`, ...inner, '    </testcase>'];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  time: number;
}

function counts(cases: JUnitCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.kind === 'failed').length,
    errors: cases.filter((c) => c.outcome.kind === 'error').length,
    skipped: cases.filter((c) => c.outcome.kind === 'skipped').length,
    time: cases.reduce((sum, c) => sum + (Number.isFinite(c.time) && c.time > 0 ? c.time : 0), 0),
  };
}

function countAttributes(c: Counts): Array<[string, string]> {
  return [
    ['tests', String(c.tests)],
    ['failures', String(c.failures)],
    ['errors', String(c.errors)],
    ['skipped', String(c.skipped)],
    ['time', seconds(c.time)],
  ];
}

function seconds(time: number): string {
  return (Number.isFinite(time) && time > 0 ? time : 0).toFixed(3);
}

function attributes(pairs: Array<[string, string]>): string {
  return pairs.map(([key, value]) => `${key}="${escapeXml(value, true)}"`).join(' ');
}

function text(value: string): string {
  return escapeXml(value, false);
}

/**
 * Text as XML character data or an attribute value: `&`, `<`, `>` (and quotes and line breaks in attributes)
 * as references; characters XML 1.0 cannot hold (controls other than tab and line breaks, lone surrogates,
 * U+FFFE / U+FFFF) as U+FFFD.
 */
export function escapeXml(value: string, attribute: boolean): string {
  let out = '';
  for (const ch of value.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += attribute ? '&quot;' : ch;
        break;
      case "'":
        out += attribute ? '&apos;' : ch;
        break;
      case '\n':
        out += attribute ? '&#10;' : ch;
        break;
      case '\r':
        // Kept as a reference in text too: a parser would turn a bare CR (and CRLF) into LF.
        out += '&#13;';
        break;
      case '\t':
        out += attribute ? '&#9;' : ch;
        break;
      default:
        out += ch;
    }
  }
  return out;
}
