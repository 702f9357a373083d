// `uniqueItems` over lists of objects in linear time, as an ajv keyword that also works in precompiled
// (standalone) validators: see linearUniqueItems.
import { _, str } from 'ajv';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';

/**
 * ajv checks `uniqueItems` over objects by comparing every pair of items: the official schemas ask it of
 * `parameters` lists, so 8,000 parameters took seconds. Those lists are checked with `uniqueItemsLinear`
 * instead: each item's canonical JSON text into a map. Changes `schema` in place (and is idempotent).
 */
export function linearUniqueItems(schema: object): void {
  const pending: unknown[] = [schema];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    if (record['uniqueItems'] === true && !scalarItems(record['items'])) {
      delete record['uniqueItems'];
      record['uniqueItemsLinear'] = true;
    }
    for (const value of Object.values(record)) pending.push(value);
  }
}

/** Items of a scalar type: ajv already checks those in linear time. */
function scalarItems(items: unknown): boolean {
  const type = (items as { type?: unknown } | undefined)?.type;
  return type === 'string' || type === 'number' || type === 'integer' || type === 'boolean';
}

/** The first repeated item of a list: its index `i` and the index `j` of the earlier item equal to it. */
export function duplicatePair(data: readonly unknown[]): { i: number; j: number } | undefined {
  const first = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const key = canonicalJson(data[i]);
    const j = first.get(key);
    if (j !== undefined) return { i, j };
    first.set(key, i);
  }
  return undefined;
}

/** JSON text with object keys sorted: equal for values ajv's deep equality calls equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The keyword that linearUniqueItems puts in place of `uniqueItems`. */
export const UNIQUE_ITEMS_LINEAR = 'uniqueItemsLinear';

/**
 * The keyword as generated code (not a `validate` function, which precompiled validators cannot hold): it calls
 * duplicatePair through a `require` of this module, and fails with ajv's own `uniqueItems` params and message.
 * Its errors say `uniqueItemsLinear`: validators.ts names them `uniqueItems`.
 */
export const uniqueItemsKeyword: CodeKeywordDefinition = {
  keyword: UNIQUE_ITEMS_LINEAR,
  type: 'array',
  schemaType: 'boolean',
  error: {
    message: ({ params }) =>
      str`must NOT have duplicate items (items ## ${params['j']} and ${params['i']} are identical)`,
    params: ({ params }) => _`{i: ${params['i']}, j: ${params['j']}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data } = cxt;
    if (cxt.schema !== true) return;
    const find = gen.scopeValue('func', {
      ref: duplicatePair,
      code: _`require("./uniqueItemsLinear").duplicatePair`,
    });
    const pair = gen.const('pair', _`${find}(${data})`);
    cxt.setParams({ i: _`${pair}.i`, j: _`${pair}.j` });
    cxt.fail(_`${pair} !== undefined`);
  },
};
