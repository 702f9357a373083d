// The fast YAML path resolves plain scalars with the core schema's tags written out (yamlFastScalars.ts), so that
// it needs no `yaml`: they must be yaml's own tags, in yaml's order, giving the same values.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Schema, isScalar } from 'yaml';
import { CORE_TAGS, plainScalarValue } from '../../../../src/model/parse/yamlFastScalars';

interface YamlTag {
  test: RegExp;
  resolve(source: string, onError: (message: string) => void, options: { intAsBigInt: boolean }): unknown;
}

const yamlTags = new Schema({ schema: 'core' }).tags.filter(
  (tag): boolean => tag.default === true && 'test' in tag && tag.test instanceof RegExp && !tag.collection,
) as unknown as YamlTag[];

const samples = [
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  '0',
  '-0',
  '+0',
  '12',
  '+12',
  '-12',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0xff',
  '0X1F',
  '9007199254740993',
  '.inf',
  '+.Inf',
  '-.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '-.nan',
  '1e3',
  '-1.5E-3',
  '.5e1',
  '1.',
  '1.50',
  '.5',
  '-.5',
  '+1.0',
  '3.0.1',
  '1_000',
  '2024-01-01',
  'Infinity',
  'NaN',
  '0b101',
  'on',
  'yes',
];

describe('the fast path core tags', () => {
  it("are yaml's core schema tags, in its order", () => {
    assert.deepEqual(
      CORE_TAGS.map((tag) => tag.test.source),
      yamlTags.map((tag) => tag.test.source),
    );
  });

  it("give each plain scalar the value yaml's tags give", () => {
    for (const source of samples) {
      const tag = yamlTags.find((t) => t.test.test(source));
      const resolved = tag?.resolve(source, () => assert.fail(`yaml reports ${source}`), { intAsBigInt: false });
      const expected = tag ? (isScalar(resolved) ? resolved.value : resolved) : source;
      assert.deepEqual(plainScalarValue(source), expected, `'${source}'`);
    }
  });
});
