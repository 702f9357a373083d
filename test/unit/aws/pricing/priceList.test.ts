import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePriceList } from '../../../../src/aws/pricing/priceList';
import { apiGatewayProducts } from '../../../aws/server/pricing';

type Product = {
  product: { productFamily: string; attributes: Record<string, string> };
  terms: { OnDemand: Record<string, { priceDimensions: Record<string, Record<string, unknown>> }> };
};

const items = (): Product[] => apiGatewayProducts.map((p) => structuredClone(p) as Product);
const dimensions = (p: Product): Array<Record<string, unknown>> =>
  Object.values(p.terms.OnDemand).flatMap((t) => Object.values(t.priceDimensions));

test('tiers come from beginRange / endRange, sorted, "Inf" ending the last', () => {
  const products = items();
  const rest = products[0]!;
  const term = Object.values(rest.terms.OnDemand)[0]!;
  // The list does not promise an order.
  term.priceDimensions = Object.fromEntries(Object.entries(term.priceDimensions).reverse());
  const result = parsePriceList(
    products.map((p) => JSON.stringify(p)),
    'us-east-1',
  );
  assert.ok(result.ok);
  assert.deepEqual(
    result.table.rest.map((t) => t.from),
    [0, 333_000_000, 1_000_000_000, 20_000_000_000],
  );
  assert.equal(result.table.rest[3]?.to, undefined);
});

test('products of another region are left out', () => {
  const result = parsePriceList(
    items().map((p) => JSON.stringify(p)),
    'ap-south-1',
  );
  assert.deepEqual(result, { ok: false, error: 'The AWS Price List has no API Gateway prices for ap-south-1.' });
});

test('a cache size written another way is matched to API Gateway’s name (118.0 → 118, 1.55 → 1.6)', () => {
  const products = items().filter((p) => p.product.productFamily === 'Amazon API Gateway Cache');
  products[1]!.product.attributes['cacheMemorySizeGb'] = '1.55';
  products[6]!.product.attributes['cacheMemorySizeGb'] = '118.0';
  const result = parsePriceList(
    products.map((p) => JSON.stringify(p)),
    'us-east-1',
  );
  assert.ok(result.ok);
  assert.equal(result.table.cacheUsdPerHour.get('1.6'), '0.0380000000');
  assert.equal(result.table.cacheUsdPerHour.get('118'), '1.9000000000');
});

test('tiers with a gap, or a price that is not a number, are not used (the built-in tiers are, with a note)', () => {
  const products = items();
  const http = products[1]!;
  dimensions(http)[1]!['beginRange'] = '400000000';
  const messages = products[2]!;
  dimensions(messages)[0]!['pricePerUnit'] = { USD: 'free' };
  const result = parsePriceList(
    products.map((p) => JSON.stringify(p)),
    'us-east-1',
  );
  assert.ok(result.ok);
  assert.equal(result.table.http[0]?.usdPerUnit, '0.000001');
  assert.equal(result.table.messages[0]?.usdPerUnit, '0.000001');
  assert.match(result.table.notes[0] ?? '', /gave no us-east-1 prices for HTTP API requests, WebSocket messages:/);
});

test('an unreadable list says how many items could not be read', () => {
  assert.deepEqual(parsePriceList(['{', '[]', 'null'], 'us-east-1'), {
    ok: false,
    error: 'The AWS Price List has no API Gateway prices for us-east-1 (3 of its 3 items could not be read).',
  });
});
