import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixture } from '../helpers/paths';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: fixture('cli', 'render') };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('apigw render', () => {
  it('prints exactly the rendered text, with no line break added', async () => {
    const { code, out, err } = await run('render', 'greeting.vtl', '--event', 'event.json');
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(out, '{"id": "7", "name": "Rex \\"the dog\\"", "stage": "prod"}');
  });

  it('renders without an event, as an empty request', async () => {
    const { code, out } = await run('render', 'greeting.vtl');
    assert.equal(code, 0);
    assert.equal(out, '{"id": "", "name": "", "stage": "test"}');
  });

  it('renders a response template when the event has an integrationResponse', async () => {
    const { code, out } = await run('render', 'response.vtl', '--event', 'response-event.json');
    assert.equal(code, 0);
    assert.equal(out, 'done 3\n');
  });

  it('reports a syntax error as file:line:column: message, exit 1, nothing on stdout', async () => {
    const { code, out, err } = await run('render', 'unclosed.vtl');
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(err, 'unclosed.vtl:2:1: #if at line 2 is never closed: add #end\n');
  });

  it('reports a run-time error with its place, exit 1', async () => {
    const { code, err } = await run('render', 'badpath.vtl');
    assert.equal(code, 1);
    assert.equal(err, "badpath.vtl:2:9: invalid JSONPath 'nope': a JSONPath starts with '$' (the whole body)\n");
  });

  it('exits 2 for a template that cannot be read', async () => {
    const { code, err } = await run('render', 'missing.vtl');
    assert.equal(code, 2);
    assert.equal(err, "apigw render: cannot read template 'missing.vtl': no such file\n");
  });

  it('exits 2 for an event file that cannot be read', async () => {
    const { code, err } = await run('render', 'greeting.vtl', '--event', 'nope.json');
    assert.equal(code, 2);
    assert.equal(err, "apigw render: cannot read event file 'nope.json': no such file\n");
  });

  const badEvents: [string, string][] = [
    ['bad-event.json', "apigw render: bad-event.json: 'request.headers.x' must be a string, not 1\n"],
    [
      'typo-event.json',
      "apigw render: typo-event.json: unknown field 'requests': expected one of request, integrationResponse\n",
    ],
  ];
  for (const [file, message] of badEvents) {
    it(`explains a bad event (${file}), exit 2`, async () => {
      const { code, err } = await run('render', 'greeting.vtl', '--event', file);
      assert.equal(code, 2);
      assert.equal(err, message);
    });
  }

  it('explains an event that is not JSON, exit 2', async () => {
    const { code, err } = await run('render', 'greeting.vtl', '--event', 'broken-event.json');
    assert.equal(code, 2);
    assert.match(err, /^apigw render: broken-event\.json: not valid JSON: /);
  });

  it('exits 2 with the usage when no template is given', async () => {
    const { code, err } = await run('render');
    assert.equal(code, 2);
    assert.ok(err.startsWith('apigw render: give exactly one TEMPLATE file\nusage: apigw render TEMPLATE'), err);
  });

  it('prints its help', async () => {
    const { code, out } = await run('render', '--help');
    assert.equal(code, 0);
    assert.ok(out.startsWith('usage: apigw render TEMPLATE [--event EVENT.json]'));
  });
});
