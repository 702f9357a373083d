// The fuzz properties of the cores: whatever the generators (arbitraries.ts) make, the definition reader, the
// language service, the template parser, checker and renderer, and the mock's router and pipeline give a result
// or a documented error with a place — never an exception, an internal error, a diagnostic outside the
// document, or (in `npm run fuzz`, which times every case) an input that takes longer than a second.
// test/unit/robustness/fuzz.test.ts runs them with a small fixed-seed budget; scripts/fuzz.mjs with ~100k cases.
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { createLanguageService } from '../../src/language';
import { readDefinition } from '../../src/model';
import { MockRuntime } from '../../src/runtime';
import type { LambdaInvoker, LambdaOutcome } from '../../src/runtime/lambda/invoker';
import { dict } from '../../src/shared/dict';
import type { Diagnostic } from '../../src/shared/diagnostic';
import type { FileSystem } from '../../src/shared/fileSystem';
import { defaultLimits, parseTemplate, renderTemplateText } from '../../src/vtl';
import { checkTemplate } from '../../src/vtl/check';
import { body, definition, definitionText, request, template } from './arbitraries';

/** Codes a template error may have: every one is documented (docs/diagnostics.md) and has a place. */
const templateErrorCodes =
  /^apigw\.vtl\.(syntax|method|range|set|input\.jsonPath|util\.[a-zA-Z0-9]+|limit\.(time|steps|output|collection|recursion|regex))$/;

// Templates may run for their time limit by design (1 s): here the limit is a fifth of that, so a case that
// takes over a second means a limit did not hold (the mock and the checker render with these defaults).
defaultLimits.timeMs = 200;

/** No file exists but the one given as text: cross-file refs are unresolved, never read from disk. */
const noFiles: FileSystem = {
  readFile: (p) => Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })),
  size: () => Promise.resolve(undefined),
};

const service = createLanguageService({ fs: noFiles });
const root = path.join(path.sep, 'fuzz');

/** Every diagnostic about the document is inside it, starts before it ends, and none is an internal error. */
export function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (p: { line: number; character: number }): boolean =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < lines.length &&
    p.character <= (lines[p.line]?.length ?? -1);
  for (const d of diagnostics) {
    assert.notEqual(d.code, 'apigw.internal', `internal error: ${d.message}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${d.code} has no message`);
    if (d.file !== undefined) continue;
    const { start, end } = d.range;
    assert.ok(inside(start) && inside(end), `${d.code} at ${JSON.stringify(d.range)} is outside the document`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), d.code);
  }
}

/** A stand-in for local Lambda handlers: answers what the fuzz case says, well-formed or not. */
function stubInvoker(answers: readonly unknown[]): LambdaInvoker {
  let next = 0;
  return {
    invoke: (): Promise<LambdaOutcome> => {
      const answer = answers[next++ % Math.max(1, answers.length)];
      if (answer === 'throw') {
        return Promise.resolve({ kind: 'error', errorMessage: 'boom', errorType: 'Error', stackTrace: [], logs: [] });
      }
      if (answer === 'timeout') return Promise.resolve({ kind: 'timeout', logs: [] });
      return Promise.resolve({ kind: 'ok', result: answer, logs: [] });
    },
    close: () => Promise.resolve(),
  };
}

const lambdaAnswer = fc.oneof(
  fc.constantFrom('throw', 'timeout', null, 'text', { statusCode: 200 }, { statusCode: 'x' }),
  fc.record(
    {
      statusCode: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constantFrom('200', null)),
      headers: fc.dictionary(
        fc.oneof(
          fc.constantFrom('bad header', 'x-a', 'constructor', '__proto__', 'Content-Type'),
          fc.string({ maxLength: 6 }),
        ),
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\r\nb', 1, true, null)),
        { maxKeys: 3 },
      ),
      multiValueHeaders: fc.dictionary(
        fc.constantFrom('x-m', 'set-cookie', 'x y'),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
        {
          maxKeys: 1,
        },
      ),
      body: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(null, 5, { a: 1 })),
      isBase64Encoded: fc.oneof(fc.boolean(), fc.constant('yes')),
      cookies: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
);

/** One named property; `timed` properties report an input slower than `slowMs` in the fuzz runner. */
export interface FuzzProperty {
  name: string;
  /** Share of the fuzz runner's budget (cases = weight × total / sum of weights). */
  weight: number;
  property(slowMs: number): fc.IAsyncPropertyWithHooks<unknown[]> | fc.IPropertyWithHooks<unknown[]>;
}

/** Fails when `run` took longer than `slowMs` (Infinity in unit tests: they never assert on the clock). */
function within<T>(slowMs: number, what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  assert.ok(ms <= slowMs, `${what} took ${ms.toFixed(0)} ms (more than ${slowMs} ms)`);
  return result;
}

async function withinAsync<T>(slowMs: number, what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  assert.ok(ms <= slowMs, `${what} took ${ms.toFixed(0)} ms (more than ${slowMs} ms)`);
  return result;
}

export const fuzzProperties: FuzzProperty[] = [
  {
    name: 'templates: parse, check and render give a result or a template error with a place',
    weight: 60,
    property: (slowMs) =>
      fc.property(template, body, fc.boolean(), (text, requestBody, literal) => {
        const parsed = parseTemplate(text);
        if (!parsed.ok) for (const e of parsed.errors) assert.equal(e.code, 'apigw.vtl.syntax');
        const checked = within(slowMs, 'checking', () =>
          checkTemplate(text, { kind: 'request', apiType: 'REST', contentType: 'application/json' }),
        );
        assertInside(text, checked);
        const rendered = within(slowMs, 'rendering', () =>
          renderTemplateText(
            text,
            { request: { body: requestBody, headers: dict(), stageVariables: { a: 'b' } } },
            literal ? { nullReferences: 'literal' } : {},
          ),
        );
        assert.ok(typeof rendered.output === 'string');
        for (const e of rendered.errors) {
          assert.match(e.code, templateErrorCodes, e.message);
          assertInside(text, [e]);
        }
      }),
  },
  {
    name: 'definitions: the reader and the language service never throw and keep diagnostics inside',
    weight: 15,
    property: (slowMs) =>
      fc.asyncProperty(definitionText, async ({ text, name }) => {
        const file = path.join(root, name);
        const read = await readDefinition(file, { fs: noFiles, text });
        assert.ok(typeof read === 'object' && read !== null);
        const found = await withinAsync(slowMs, 'validating', () => service.validate({ file, text }));
        assertInside(text, found);
      }),
  },
  {
    name: 'mock: routing and the pipeline answer every request, never a runtime error',
    weight: 25,
    property: (slowMs) =>
      fc.asyncProperty(
        definition,
        fc.array(request, { minLength: 1, maxLength: 4 }),
        fc.array(lambdaAnswer, { maxLength: 3 }),
        async ({ api, stageVariables }, requests, answers) => {
          const file = path.join(root, 'api.json');
          const files = new Map<string, string>([
            [file, JSON.stringify(api)],
            [
              path.join(root, 'apigw.config.json'),
              JSON.stringify({ lambdaHandlers: { Fn: 'h.mjs#handler', toString: 'h.mjs#handler' }, stageVariables }),
            ],
          ]);
          const fs: FileSystem = {
            readFile: (p) => {
              const text = files.get(p);
              return text === undefined ? noFiles.readFile(p) : Promise.resolve(Buffer.from(text));
            },
            size: (p) => Promise.resolve(files.has(p) ? Buffer.byteLength(files.get(p)!) : undefined),
          };
          const runtime = new MockRuntime({ file, fs, watch: false, invoker: stubInvoker(answers) });
          const loaded = await runtime.reload();
          if (!loaded.ok) return;
          for (const r of requests) {
            const outcome = await withinAsync(slowMs, 'answering', () =>
              runtime.handle({ ...r, body: Buffer.from(r.body), sourceIp: '127.0.0.1' }),
            );
            const text = outcome.response.body.toString('utf8');
            assert.ok(Number.isInteger(outcome.response.status), 'a status');
            assert.doesNotMatch(text, /Mock runtime error/, text);
            for (const step of outcome.event.trace)
              assert.doesNotMatch(step.detail, /Internal error in the mock runtime/, step.detail);
          }
          await runtime.stop();
        },
      ),
  },
];
