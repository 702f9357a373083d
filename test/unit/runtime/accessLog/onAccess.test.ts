import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MockRuntime, type AccessRecord } from '../../../../src/runtime';
import { fixture } from '../../helpers/paths';

describe('MockRuntime.onAccess', () => {
  const runtime = new MockRuntime({ file: fixture('runtime', 'apis', 'routing-rest.yaml'), watch: false });
  let url = '';
  before(async () => (url = await runtime.start(0, '127.0.0.1')));
  after(() => runtime.stop());

  it('gives every answered request to each listener once, in CLF for an OpenAPI file, until disposed', async () => {
    const records: AccessRecord[] = [];
    const subscription = runtime.onAccess((r) => records.push(r));
    const response = await fetch(`${url}/items/special`);
    await response.text();
    assert.equal(records.length, 1);
    const line = runtime.accessLogLine(records[0]!);
    assert.equal(
      line,
      `127.0.0.1 - - [${line.slice(line.indexOf('[') + 1, line.indexOf(']'))}] "GET /items/special HTTP/1.1" 200 ${records[0]!.responseLength} ${response.headers.get('x-amzn-requestid')}`,
    );
    subscription.dispose();
    await (await fetch(`${url}/items/special`)).text();
    assert.equal(records.length, 1, 'no record after dispose');
  });

  it('Invoke Route Locally (handle) is logged too', async () => {
    const records: AccessRecord[] = [];
    const subscription = runtime.onAccess((r) => records.push(r));
    const outcome = await runtime.handle({
      method: 'GET',
      path: '/local/items/special',
      query: '',
      headers: { host: ['localhost:3000'] },
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    });
    subscription.dispose();
    assert.equal(records.length, 1);
    assert.equal(records[0]!.requestId, outcome.event.requestId);
    assert.equal(records[0]!.domainName, 'localhost');
  });
});
