import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareBodies, compareResults, diffLines } from '../../../../src/extension/awsInvoke/compareResults';

describe('Compare local and AWS', () => {
  it('finds nothing to tell when status, headers and body are the same', () => {
    const c = compareResults(
      {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'a' },
        body: '{"a":1,"b":[1,2]}',
      },
      {
        status: 200,
        headers: { 'content-type': 'application/json', 'X-Amzn-RequestId': 'b' },
        body: '{ "b": [1, 2], "a": 1 }',
      },
    );
    assert.equal(c.same, true);
    assert.equal(c.summary, 'Same status and body (formatted differently); same headers');
    assert.deepEqual(c.headers, [
      { name: 'Content-Type', local: 'application/json', aws: 'application/json', state: 'same' },
      { name: 'x-amzn-RequestId', local: 'a', aws: 'b', state: 'different', varies: true },
    ]);
    assert.equal(c.body.json, true);
    assert.equal(c.body.formattingOnly, true);
  });

  it('tells which of status, each header and body differ', () => {
    const c = compareResults(
      { status: 200, headers: { 'Content-Type': 'application/json', 'X-Local': '1', Date: 'x' }, body: '{"id":1}' },
      { status: 404, headers: { 'Content-Type': 'text/plain', 'X-Aws': '2' }, body: 'Not found' },
    );
    assert.equal(c.same, false);
    assert.deepEqual(c.status, { local: 200, aws: 404, same: false });
    assert.deepEqual(
      c.headers.map((h) => [h.name, h.state, h.varies === true]),
      [
        ['Content-Type', 'different', false],
        ['Date', 'onlyLocal', true],
        ['X-Aws', 'onlyAws', false],
        ['X-Local', 'onlyLocal', false],
      ],
    );
    assert.equal(c.body.same, false);
    assert.equal(c.body.json, false);
    assert.equal(c.summary, 'Different status and body; 3 headers differ: Content-Type, X-Aws, X-Local');
  });

  it('compares JSON bodies as values and shows them pretty-printed line by line', () => {
    const body = compareBodies('{"id":1,"name":"Rex","tags":["a"]}', '{"name":"Rex","id":2,"tags":["a"]}');
    assert.equal(body.same, false);
    assert.deepEqual(body.lines, [
      { local: '{', aws: '{', same: true },
      { local: '  "id": 1,', aws: '  "id": 2,', same: false },
      { local: '  "name": "Rex",', aws: '  "name": "Rex",', same: true },
      { local: '  "tags": [', aws: '  "tags": [', same: true },
      { local: '    "a"', aws: '    "a"', same: true },
      { local: '  ]', aws: '  ]', same: true },
      { local: '}', aws: '}', same: true },
    ]);
  });

  it('aligns added and removed lines of text bodies', () => {
    assert.deepEqual(diffLines('a\nb\nc', 'a\nc\nd'), [
      { local: 'a', aws: 'a', same: true },
      { local: 'b', same: false },
      { local: 'c', aws: 'c', same: true },
      { aws: 'd', same: false },
    ]);
    assert.deepEqual(diffLines('', 'x'), [{ aws: 'x', same: false }]);
    assert.deepEqual(diffLines('', ''), []);
  });

  it('counts text differing only in surrounding white space as the same body', () => {
    const body = compareBodies('ok\n', 'ok');
    assert.equal(body.same, true);
    assert.equal(body.formattingOnly, true);
    assert.equal(compareBodies('', '').same, true);
    assert.equal(compareBodies('1', '1.0').same, true, 'JSON numbers are compared as values');
  });
});
