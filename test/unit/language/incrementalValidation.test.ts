// After a one-value edit the language service reuses the previous version's model and the findings of every
// rule that did not read the edited value (readTracking.ts, ruleRunner.ts). Whatever it reuses, the result
// must equal a validation from scratch: checked here for edits of every string value of every language
// fixture (and of the examples), typed at the start, in the middle and at the end, and deleted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService, type LanguageService } from '../../../src/language';
import { parseSource } from '../../../src/model';
import type { SourceNode } from '../../../src/model/sourceNode';
import type { Rule } from '../../../src/language/rules/rule';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture, repoRoot } from '../helpers/paths';

/** Every definition under the language fixtures and the examples. */
function files(): string[] {
  const roots = [fixture('language'), path.join(repoRoot, 'examples')];
  return roots.flatMap((root) =>
    (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.(ya?ml|json)$/i.test(f) && !f.endsWith('.expected.json') && !f.includes('node_modules'))
      .map((f) => path.join(root, f))
      .filter((f) => !f.endsWith('apigw.config.json') && !f.endsWith('package.json')),
  );
}

/** Each string scalar's source span (a JSON string inside its quotes; a YAML scalar as written). */
function stringSpans(text: string, file: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const visit = (node: SourceNode | undefined): void => {
    if (node === undefined) return;
    if (node.kind === 'scalar') {
      if (
        typeof node.value === 'string' &&
        node.length > 0 &&
        !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length))
      ) {
        const quoted = /^["']/.test(text[node.offset] ?? '');
        spans.push(
          quoted
            ? { start: node.offset + 1, end: node.offset + node.length - 1 }
            : { start: node.offset, end: node.offset + node.length },
        );
      }
      return;
    }
    if (node.kind === 'array') node.items.forEach(visit);
    else node.properties.forEach((p) => visit(p.value));
  };
  visit(parseSource(file, text).root);
  return spans;
}

/** The edits tried on one span: a letter typed at the start, middle and end, and a letter deleted. */
function editsOf(text: string, span: { start: number; end: number }): string[] {
  const { start, end } = span;
  const middle = Math.floor((start + end) / 2);
  const edits = [start, middle, end].map((at) => `${text.slice(0, at)}q${text.slice(at)}`);
  if (end > start + 1) edits.push(text.slice(0, middle) + text.slice(middle + 1));
  return edits;
}

const show = (service: LanguageService, file: string, text: string, version: number) =>
  service.validate({ file, text, version }).then((d) => JSON.stringify(d));

describe('incremental validation equals validation from scratch', () => {
  for (const file of files()) {
    it(path.relative(repoRoot, file), async () => {
      const original = fs.readFileSync(file, 'utf8');
      const editing = createLanguageService({ fs: nodeFileSystem });
      let version = 1;
      await editing.validate({ file, text: original, version });
      // At most 40 values a file, spread over it, so big fixtures stay quick.
      const spans = stringSpans(original, file);
      const step = Math.max(1, Math.ceil(spans.length / 40));
      for (let i = 0; i < spans.length; i += step) {
        for (const edited of editsOf(original, spans[i] as { start: number; end: number })) {
          const incremental = await show(editing, file, edited, ++version);
          const scratch = await show(createLanguageService({ fs: nodeFileSystem }), file, edited, 1);
          assert.equal(incremental, scratch, `after editing offset ${spans[i]?.start} of ${file}`);
          // And back: the edit undone is another one-value edit.
          const undone = await show(editing, file, original, ++version);
          const scratchUndone = await show(createLanguageService({ fs: nodeFileSystem }), file, original, 1);
          assert.equal(undone, scratchUndone, `after undoing the edit at offset ${spans[i]?.start} of ${file}`);
        }
      }
    });
  }
});

describe('findings kept after an edit move with the text after it', () => {
  it('moves a kept finding on the edited line (minified JSON)', async () => {
    const file = '/virtual/minified.json';
    const text = (description: string) =>
      `{"openapi":"3.0.1","info":{"title":"T","version":"1"},"paths":{` +
      `"/b":{"get":{"operationId":"b","responses":{"200":{"description":"${description}"}}}},` +
      `"/a/{id}":{"get":{"operationId":"a","responses":{"200":{"description":"ok"}}}}}}`;
    const editing = createLanguageService({ fs: nodeFileSystem });
    const before = await editing.validate({ file, text: text('abc'), version: 1 });
    const found = before.find((d) => d.code === 'apigw.path.undeclaredParameter');
    assert.ok(found, 'the fixture has a finding after the description');
    const after = await editing.validate({ file, text: text('abxyc'), version: 2 });
    const moved = after.find((d) => d.code === 'apigw.path.undeclaredParameter');
    assert.equal(moved?.range.start.character, found.range.start.character + 2);
    assert.equal(
      JSON.stringify(after),
      JSON.stringify(await createLanguageService({ fs: nodeFileSystem }).validate({ file, text: text('abxyc') })),
    );
  });
});

describe('models checked again after an edit', () => {
  const text = (pet: string, owner: string) =>
    `openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n` +
    `    Pet:\n      type: ${pet}\n    Owner:\n      type: ${owner}\n`;
  const invalid = (d: Array<{ code: string; message: string }>) =>
    d.filter((x) => x.code === 'apigw.model.invalidSchema').map((x) => x.message.split(' is ')[0]);

  it('reports the edited model and keeps the verdict of the others', async () => {
    const file = '/virtual/models.yaml';
    const editing = createLanguageService({ fs: nodeFileSystem });
    assert.deepEqual(invalid(await editing.validate({ file, text: text('object', 'strin'), version: 1 })), [
      "The model 'Owner'",
    ]);
    // Pet made invalid: both reported; Owner's verdict is the one kept from version 1.
    assert.deepEqual(invalid(await editing.validate({ file, text: text('objectx', 'strin'), version: 2 })), [
      "The model 'Pet'",
      "The model 'Owner'",
    ]);
    assert.deepEqual(invalid(await editing.validate({ file, text: text('objectx', 'string'), version: 3 })), [
      "The model 'Pet'",
    ]);
    const last = await editing.validate({ file, text: text('object', 'string'), version: 4 });
    assert.deepEqual(invalid(last), []);
    const scratch = await createLanguageService({ fs: nodeFileSystem }).validate({
      file,
      text: text('object', 'string'),
    });
    assert.equal(JSON.stringify(last), JSON.stringify(scratch));
  });
});

describe("rules that see only the model's API types", () => {
  // A rule that records the API type it sees, and whether it sees the routes (reads no node value).
  const counting = (model: 'apiTypes' | undefined) => {
    const seen: string[] = [];
    const rule: Rule = {
      id: `count.${model ?? 'whole'}`,
      codes: ['test.count'],
      reuse: 'tracked',
      ...(model ? { model } : {}),
      check(ctx) {
        const api = ctx.definition?.apis[0];
        seen.push(`${api?.type}:${api?.routes === undefined ? 'no routes' : 'routes'}`);
      },
    };
    return { rule, seen };
  };
  const text = (p: string) =>
    `openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{name: q, in: ${p}}]\n` +
    `      x-amazon-apigateway-integration: {type: mock}\n`;

  it('keep their findings when the model is rebuilt with the same types, and see nothing else of it', async () => {
    const types = counting('apiTypes');
    const whole = counting(undefined);
    const service = createLanguageService({ fs: nodeFileSystem, rules: [types.rule, whole.rule] });
    const file = '/virtual/types.yaml';
    await service.validate({ file, text: text('query'), version: 1 });
    // `in` is read by the model (so it is rebuilt), not by the rules.
    await service.validate({ file, text: text('querx'), version: 2 });
    assert.deepEqual(types.seen, ['REST:no routes']);
    assert.deepEqual(whole.seen, ['REST:routes', 'REST:routes']);
  });
});

describe('the list of models after an edit', () => {
  it('follows an edited $ref to a request body with an invalid inline schema', async () => {
    const text = (body: string) =>
      `openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    post:\n` +
      `      requestBody: {$ref: '#/components/requestBodies/${body}'}\n      responses: {'200': {description: ok}}\n` +
      `components:\n  requestBodies:\n    A: {content: {application/json: {schema: {type: string}}}}\n` +
      `    B: {content: {application/json: {schema: {type: strin}}}}\n`;
    const file = '/virtual/bodies.yaml';
    const editing = createLanguageService({ fs: nodeFileSystem });
    await editing.validate({ file, text: text('A'), version: 1 });
    const after = await editing.validate({ file, text: text('B'), version: 2 });
    assert.ok(after.some((d) => d.code === 'apigw.model.invalidSchema'));
    const scratch = await createLanguageService({ fs: nodeFileSystem }).validate({ file, text: text('B') });
    assert.equal(JSON.stringify(after), JSON.stringify(scratch));
  });
});
