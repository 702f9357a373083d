import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../src/language';
import type { Rule } from '../../../src/language/rules/rule';
import { allRules, coreRules } from '../../../src/language/rules';
import type { FileSystem } from '../../../src/shared/fileSystem';

const memory = (files: Record<string, string>): FileSystem => ({
  readFile: (p) => {
    const text = files[p];
    if (text === undefined) return Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' }));
    return Promise.resolve(new TextEncoder().encode(text));
  },
  size: (p) => Promise.resolve(files[p]?.length),
});

const api = 'openapi: 3.0.1\ninfo:\n  title: T\n  version: "1"\npaths: {}\n';

describe('createLanguageService', () => {
  it('turns a rule that throws into one apigw.internal diagnostic naming it, and keeps the other rules', async () => {
    const broken: Rule = {
      id: 'broken',
      codes: [],
      check: () => {
        throw new Error('boom');
      },
    };
    const reporting: Rule = {
      id: 'reporting',
      codes: ['test.found'],
      check: (context) =>
        context.report({
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
          severity: 'hint',
          code: 'test.found',
          message: 'found',
        }),
    };
    const service = createLanguageService({ fs: memory({}), rules: [broken, reporting] });
    const diagnostics = await service.validate({ file: '/api.yaml', text: api });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [
        ['apigw.internal', 'error'],
        ['test.found', 'hint'],
      ],
    );
    assert.equal(
      diagnostics[0]?.message,
      "The check 'broken' failed with an internal error (boom), so its problems are not shown. Please report it with the file.",
    );
  });

  it('gives no diagnostics for a YAML file that is not an API, and says why in validateReport', async () => {
    const service = createLanguageService({ fs: memory({}) });
    const report = await service.validateReport({ file: '/package.yaml', text: 'name: x\n' });
    assert.deepEqual(report.diagnostics, []);
    assert.equal(report.skipped?.code, 'apigw.read.notApiDefinition');
  });

  it('underlines the syntax errors of a file that looks like an API but cannot be parsed', async () => {
    const service = createLanguageService({ fs: memory({}) });
    const diagnostics = await service.validate({ file: '/api.json', text: '{ "openapi": "3.0.1", ' });
    const syntax = diagnostics.filter((d) => d.code === 'apigw.parse.jsonSyntax');
    assert.deepEqual(
      syntax.map((d) => [d.severity, d.range.start.character]),
      [['error', 22]],
    );
  });

  it('passes --target to the rules', async () => {
    let seen: string | undefined;
    const spy: Rule = {
      id: 'spy',
      codes: [],
      check: (c) => {
        seen = c.target;
      },
    };
    await createLanguageService({ fs: memory({}), rules: [spy] }).validate(
      { file: '/a.yaml', text: api },
      { target: 'HTTP' },
    );
    assert.equal(seen, 'HTTP');
  });

  it('has unique rule ids, and every core code is namespaced', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of coreRules) for (const code of rule.codes) assert.match(code, /^apigw\.[a-z]+\.[a-zA-Z]+$/);
  });
});
