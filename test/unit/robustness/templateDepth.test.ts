// Robustness findings F04 and F05 (../shared/robustness-findings): deep nesting and long flat chains in a
// template are a template error at the place, or simply work — never a stack overflow in the parser, the
// compiler, the checker or the renderer, through `apigw render`, `apigw validate T.vtl` or a definition.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { createLanguageService } from '../../../src/language';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { compileTemplate, renderTemplateText } from '../../../src/vtl';
import { checkTemplateFile } from '../../../src/vtl/check';
import { maxNesting } from '../../../src/vtl/scanner';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-depth-'));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

const render = (text: string): ReturnType<typeof renderTemplateText> =>
  renderTemplateText(text, { request: { body: '{"a": 1}' } });

describe('deep and long templates', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What nests, and how many nesting levels each repetition takes. */
  const deep: [string, (n: number) => string, number][] = [
    ['parentheses (F04)', (n) => `#set($x = ${'('.repeat(n)}1${')'.repeat(n)})$x`, 1],
    ['#if blocks (F04)', (n) => `${'#if(true)'.repeat(n)}x${'#end'.repeat(n)}`, 1],
    ['lists', (n) => `#set($x = ${'['.repeat(n)}1${']'.repeat(n)})$x.size()`, 1],
    ['maps', (n) => `#set($x = ${'{"k": '.repeat(n)}1${'}'.repeat(n)})$x.size()`, 1],
    ['negations', (n) => `#set($x = ${'!'.repeat(n)}true)$x`, 1],
    ['method arguments', (n) => `${'$util.urlEncode('.repeat(n)}'a'${')'.repeat(n)}`, 1],
    ['quoted strings', (n) => `#set($s = "${'$!{x.concat("'.repeat(n)}${'")}'.repeat(n)}")`, 2],
    ['#foreach blocks', (n) => `${'#foreach($i in [1])'.repeat(n)}x${'#end'.repeat(n)}`, 1],
  ];

  for (const [what, make, levels] of deep) {
    it(`${what}: up to ${maxNesting} levels render; beyond, a syntax error at the level that is too deep`, () => {
      const ok = render(make(Math.floor(maxNesting / levels) - 2));
      assert.ok(
        ok.errors.every((e) => !/nests more than/.test(e.message)),
        JSON.stringify(ok.errors),
      );
      for (const n of [maxNesting + 1, 1500, 20000]) {
        const text = make(n);
        const compiled = compileTemplate(text);
        assert.equal(compiled.ok, false, `${n} levels`);
        const [error] = compiled.ok ? [] : compiled.errors;
        assert.equal(error?.code, 'apigw.vtl.syntax');
        assert.match(error?.message ?? '', /nests more than 200 levels deep here/);
        assert.ok((error?.range.start.character ?? 0) > 0, 'at the place, not the start');
        const checked = checkTemplateFile(text);
        assert.deepEqual(
          checked.map((d) => d.code),
          ['apigw.vtl.syntax'],
        );
      }
    });
  }

  it('F05: a flat chain of 20,000 terms renders and checks, with the operators of Velocity', () => {
    const terms = 20_000;
    assert.equal(render(`#set($x = ${Array(terms).fill('1').join(' + ')})$x`).output, String(terms));
    const text = `#set($x = ${Array(terms).fill('$input.json("$.a")').join(' + ",$util.foo()" + ')})$x.length()`;
    const result = render(text);
    assert.deepEqual(result.errors, []);
    // Inside the quotes `$util.foo()` is a null reference: it prints nothing, as in API Gateway.
    assert.equal(result.output, String(terms + (terms - 1)));
    const checked = checkTemplateFile(text);
    assert.equal(checked.length, terms - 1, 'every $util.foo() in the chain is checked');
    assert.ok(checked.every((d) => d.code === 'apigw.vtl.unknownUtilMember'));
    // Mixed operators keep precedence and left-to-right order; && and || still short-circuit.
    assert.equal(render(`#set($x = ${Array(500).fill('10 - 2 * 3').join(' - ')})$x`).output, String(4 - 499 * 16));
    assert.equal(render(`#set($x = ${Array(500).fill('true').join(' && ')} && false)$x`).output, 'false');
    assert.equal(
      render(`#set($x = false ${' || false'.repeat(500)} || $util.urlEncode('a b') == 'a+b')$x`).output,
      'true',
    );
    assert.equal(
      render(`#set($l = [])#set($x = ${Array(100).fill('false').join(' && ')} && $l.add(1))$l.size()`).output,
      '0',
    );
    assert.equal(render(`#set($x = 'a' + 1 + 2 ${'+ 3 '.repeat(10)})$x`).output, `a12${'3'.repeat(10)}`);
  });

  it('the CLI renders and validates the findings inputs without an internal error', async () => {
    const parens = write('parens.vtl', `#set($x = ${'('.repeat(1000)}1${')'.repeat(1000)})`);
    const ifs = write('ifs.vtl', `${'#if(true)'.repeat(1500)}${'#end'.repeat(1500)}`);
    const chain = write('chain.vtl', `#set($x = ${Array(5000).fill('1').join(' + ')})$x`);
    for (const file of [parens, ifs]) {
      for (const command of ['render', 'validate']) {
        const { code, err, out } = await cli(command, file);
        assert.equal(code, 1, `${command} ${file}: ${err}${out}`);
        assert.match(`${err}${out}`, /nests more than 200 levels deep here/);
        assert.doesNotMatch(`${err}${out}`, /internal error|RangeError/);
      }
    }
    assert.deepEqual(await cli('render', chain), { code: 0, out: '5000', err: '' });
    assert.equal((await cli('validate', chain)).code, 0);
  });

  it('a definition holding such templates validates with a syntax error at the place, not apigw.internal', async () => {
    const service = createLanguageService({ fs: nodeFileSystem });
    const template = (body: string): string =>
      [
        'openapi: 3.0.1',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /x:',
        '    post:',
        '      responses: {"200": {description: ok}}',
        '      x-amazon-apigateway-integration:',
        '        type: mock',
        '        requestTemplates:',
        `          application/json: ${JSON.stringify(body)}`,
      ].join('\n');
    const deepText = template(`#set($x = ${'('.repeat(1000)}1${')'.repeat(1000)})`);
    const found = await service.validate({ file: path.join(dir, 'deep.yaml'), text: deepText });
    assert.deepEqual(
      found.map((d) => d.code),
      ['apigw.vtl.syntax'],
    );
    assert.equal(found[0]!.range.start.line, 9);
    const long = template(`#set($n = ${Array(5000).fill('1').join(' + ')}){"n": $n}`);
    const ok = await service.validate({ file: path.join(dir, 'long.yaml'), text: long });
    assert.deepEqual(ok, []);
  });
});
