import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { checkSize, decodeText } from '../../../../src/model/parse';
import { fixture } from '../../helpers/paths';

const MB = 1024 * 1024;

test('checkSize: accepts up to the limit, explains anything bigger', () => {
  assert.equal(checkSize(32 * MB, 32 * MB), undefined);
  assert.equal(
    checkSize(50 * MB, 32 * MB, '/w/big.json'),
    'big.json is 50.0 MB, more than the 32 MB this tool reads (API Gateway itself imports at most 6 MB). Split the definition into smaller files joined with $ref.',
  );
  assert.equal(
    checkSize(3 * MB + 1, 2.5 * MB),
    'The file is 3.0 MB, more than the 2.5 MB this tool reads (API Gateway itself imports at most 6 MB). Split the definition into smaller files joined with $ref.',
  );
});

test('checkSize: small sizes are shown in KB or bytes', () => {
  assert.match(checkSize(2048, 100) ?? '', /^The file is 2\.0 KB, more than the 100 bytes this tool reads/);
});

test('decodeText: strips a UTF-8 byte order mark', () => {
  const result = decodeText(fs.readFileSync(fixture('parse', 'bom.yaml')), '/w/bom.yaml');
  assert.ok('text' in result);
  assert.equal('text' in result && result.text.startsWith('openapi: 3.0.1'), true);
});

test('decodeText: refuses a NUL byte in the first 8 KB', () => {
  assert.deepEqual(decodeText(fs.readFileSync(fixture('parse', 'binary.png')), '/w/img/binary.png'), {
    error: 'binary.png is not a text file (binary content at byte 8); API definitions are YAML or JSON text.',
  });
});

test('decodeText: refuses bytes that are not UTF-8, naming the first one', () => {
  assert.deepEqual(decodeText(fs.readFileSync(fixture('parse', 'latin1.yaml')), '/w/latin1.yaml'), {
    error: 'latin1.yaml is not a text file (binary content at byte 10); API definitions are YAML or JSON text.',
  });
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0x80]), 'x.yaml'), {
    error: 'x.yaml is not a text file (binary content at byte 4); API definitions are YAML or JSON text.',
  });
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0xe2, 0x82]), 'cut.yaml'), {
    error: 'cut.yaml is not a text file (binary content at byte 1); API definitions are YAML or JSON text.',
  });
  assert.deepEqual(decodeText(new TextEncoder().encode('é😀'), 'ok.yaml'), { text: 'é😀' });
});
