import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixturesDir } from '../helpers/paths';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: fixturesDir };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('apigw validate', () => {
  it('exits 0 and prints nothing for a clean definition', async () => {
    assert.deepEqual(await run('validate', 'cli/validate/clean.yaml'), { code: 0, out: '', err: '' });
  });

  it('exits 0 when there are only warnings, and prints them 1-based', async () => {
    const { code, out } = await run('validate', 'cli/validate/warningsOnly.yaml');
    assert.equal(code, 0);
    assert.equal(
      out,
      "cli/validate/warningsOnly.yaml:2:1: warning apigw.schema.missingProperty: 'info' is missing the required property 'version'. Add it.\n",
    );
  });

  it('exits 1 on an error and prints the JSON shape with 0-based ranges and the path as given', async () => {
    const { code, out, err } = await run(
      'validate',
      '--format',
      'json',
      'cli/validate/withError.yaml',
      'cli/validate/clean.yaml',
    );
    assert.equal(code, 1);
    assert.equal(err, '');
    assert.deepEqual(JSON.parse(out), [
      {
        file: 'cli/validate/withError.yaml',
        diagnostics: [
          {
            range: { start: { line: 9, character: 16 }, end: { line: 9, character: 48 } },
            severity: 'error',
            code: 'apigw.ref.unresolved',
            message: "Cannot resolve $ref '#/components/responses/Missing': 'components' does not exist under '#'.",
          },
        ],
      },
      { file: 'cli/validate/clean.yaml', diagnostics: [] },
    ]);
  });

  it('exits 2 when a file does not exist, and still checks the others', async () => {
    const { code, out, err } = await run(
      'validate',
      '--format',
      'json',
      'cli/validate/missing.yaml',
      'cli/validate/clean.yaml',
    );
    assert.equal(code, 2);
    assert.match(
      err,
      /^apigw: cli\/validate\/missing\.yaml:1:1: error apigw\.read\.unreadable: Cannot read missing\.yaml: the file does not exist\. Check the path\.\n$/,
    );
    assert.deepEqual(JSON.parse(out), [{ file: 'cli/validate/clean.yaml', diagnostics: [] }]);
  });

  it('exits 2 for a binary file', async () => {
    const { code, err } = await run('validate', 'cli/binary.yaml');
    assert.equal(code, 2);
    assert.match(err, /cli\/binary\.yaml:1:1: error apigw\.read\.binary: .*not a text file/);
  });

  it('exits 2 for text that is not a YAML / JSON mapping', async () => {
    const { code, err } = await run('validate', 'cli/validate/notStructured.yaml');
    assert.equal(code, 2);
    assert.match(
      err,
      /error apigw\.read\.syntax: notStructured\.yaml is not a YAML or JSON mapping \(it holds a single value\)/,
    );
  });

  it('exits 2 for a file that is not an API definition', async () => {
    const { code, err } = await run('validate', 'cli/not-an-api.yaml');
    assert.equal(code, 2);
    assert.match(err, /error apigw\.read\.notApiDefinition: not-an-api\.yaml is not an API definition/);
  });

  it('exits 2 on usage errors', async () => {
    const none = await run('validate');
    assert.equal(none.code, 2);
    assert.match(none.err, /^apigw validate: give at least one FILE to validate\n/);
    const format = await run('validate', '--format', 'xml', 'cli/validate/clean.yaml');
    assert.equal(format.code, 2);
    assert.match(format.err, /--format must be text or json, not 'xml'/);
    const target = await run('validate', '--target', 'websocket', 'cli/validate/clean.yaml');
    assert.equal(target.code, 2);
    assert.match(target.err, /--target must be rest or http, not 'websocket'/);
    const unknown = await run('validate', '--strict', 'cli/validate/clean.yaml');
    assert.equal(unknown.code, 2);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await run('validate', '--help');
    assert.equal(code, 0);
    assert.match(out, /^usage: apigw validate FILE\.\.\. \[--format text\|json\] \[--target rest\|http\]/);
  });
});
