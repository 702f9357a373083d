import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtInPrices,
  builtInPricesFor,
  estimateCost,
  formatEstimate,
  type CostEstimate,
  type CostUsage,
} from '../../../../src/model/cost';

function estimate(usage: CostUsage): CostEstimate {
  const result = estimateCost(usage, builtInPrices);
  if (!result.ok) throw new Error(result.error);
  return result.estimate;
}

function refusal(usage: CostUsage): string {
  const result = estimateCost(usage, builtInPrices);
  assert.equal(result.ok, false, 'expected a refusal');
  return result.ok ? '' : result.error;
}

const M = 1_000_000;

test('REST: the first 333 M requests at $3.50 per million, exactly', () => {
  const e = estimate({ type: 'REST', requests: 333 * M });
  assert.equal(e.monthlyUsd, 1165.5);
  assert.deepEqual(e.lines, [
    { item: 'REST API requests (first 333 M) at $3.50 per million', quantity: 333 * M, usd: 1165.5 },
  ]);
});

test('REST: 333 M + 1 puts one request in the second tier at $2.80 per million', () => {
  const e = estimate({ type: 'REST', requests: 333 * M + 1 });
  assert.equal(e.lines.length, 2);
  assert.deepEqual(e.lines[1], {
    item: 'REST API requests (333 M to 1 B) at $2.80 per million',
    quantity: 1,
    usd: 0.000003,
  });
  assert.equal(e.monthlyUsd, 1165.500003);
});

test('REST: 1 B is the first two tiers full', () => {
  const e = estimate({ type: 'REST', requests: 1000 * M });
  // 333 M × 3.50 + 667 M × 2.80 = 1165.50 + 1867.60
  assert.equal(e.monthlyUsd, 3033.1);
  assert.deepEqual(
    e.lines.map((l) => l.quantity),
    [333 * M, 667 * M],
  );
});

test('REST: 20 B fills three tiers, and 21 B puts 1 B at $1.51 per million', () => {
  // + 19 B × 2.38 = 45,220
  assert.equal(estimate({ type: 'REST', requests: 20_000 * M }).monthlyUsd, 48253.1);
  const over = estimate({ type: 'REST', requests: 21_000 * M });
  assert.equal(over.monthlyUsd, 48253.1 + 1510);
  assert.equal(over.lines[3]?.item, 'REST API requests (over 20 B) at $1.51 per million');
});

test('no requests still names the price, at $0', () => {
  const e = estimate({ type: 'HTTP', requests: 0 });
  assert.deepEqual(e.lines, [{ item: 'HTTP API requests (first 300 M) at $1.00 per million', quantity: 0, usd: 0 }]);
  assert.equal(e.monthlyUsd, 0);
});

test('HTTP: 300 M at $1.00, then $0.90', () => {
  assert.equal(estimate({ type: 'HTTP', requests: 300 * M }).monthlyUsd, 300);
  assert.equal(estimate({ type: 'HTTP', requests: 432 * M }).monthlyUsd, 300 + 118.8);
});

test('HTTP: requests are metered per 512 KB (a 1.2 MB request counts 3; 512 KB counts 1, 513 KB 2)', () => {
  const big = estimate({ type: 'HTTP', requests: 1 * M, payloadKb: 1228.8 });
  assert.equal(big.lines[0]?.quantity, 3 * M);
  assert.equal(big.monthlyUsd, 3);
  assert.match(big.notes[0] ?? '', /each 1228.8 KB request counts as 3, so 1 M requests are billed as 3 M/);
  assert.equal(estimate({ type: 'HTTP', requests: M, payloadKb: 512 }).lines[0]?.quantity, M);
  assert.equal(estimate({ type: 'HTTP', requests: M, payloadKb: 513 }).lines[0]?.quantity, 2 * M);
});

test('REST requests are not metered by size', () => {
  assert.equal(estimate({ type: 'REST', requests: M, payloadKb: 2000 }).lines[0]?.quantity, M);
});

test('WebSocket: messages per 32 KB, $1.00 then $0.80 after 1 B, and $0.25 per million connection minutes', () => {
  const e = estimate({ type: 'WEBSOCKET', messages: 600 * M, payloadKb: 33, connectionMinutes: 4 * M });
  assert.deepEqual(
    e.lines.map((l) => [l.quantity, l.usd]),
    [
      [1000 * M, 1000],
      [200 * M, 160],
      [4 * M, 1],
    ],
  );
  assert.equal(e.monthlyUsd, 1161);
  assert.equal(e.lines[2]?.item, 'Connection minutes (all) at $0.25 per million');
});

test('cache: 730 hours a month at the size’s hourly price', () => {
  const e = estimate({ type: 'REST', requests: 0, cacheGb: '0.5' });
  assert.deepEqual(e.lines[1], { item: 'Cache 0.5 GB at $0.02 an hour, 730 hours', quantity: 730, usd: 14.6 });
  assert.equal(estimate({ type: 'REST', requests: 0, cacheGb: '237' }).monthlyUsd, 2774);
  assert.equal(estimate({ type: 'REST', requests: 0, cacheGb: '1.6' }).monthlyUsd, 27.74);
});

test('the estimate names its prices: date and source', () => {
  const e = estimate({ type: 'REST', requests: M });
  assert.deepEqual(e.prices, { date: builtInPrices.date, source: 'https://aws.amazon.com/api-gateway/pricing/' });
  assert.match(e.notes.at(-1) ?? '', /free tier/);
});

test('another region borrows the us-east-1 figures and says so', () => {
  const result = estimateCost({ type: 'REST', requests: M }, builtInPricesFor('eu-west-1'));
  assert.ok(result.ok);
  assert.equal(result.estimate.region, 'eu-west-1');
  assert.match(
    result.estimate.notes[0] ?? '',
    /US East \(N. Virginia\) prices only: they are used for eu-west-1, whose prices differ/,
  );
});

test('bad usage is refused with a message that says what to give', () => {
  assert.equal(
    refusal({ type: 'REST', requests: -1 }),
    'The requests a month must be a whole number of 0 or more, not -1.',
  );
  assert.equal(
    refusal({ type: 'REST', requests: 1.5 }),
    'The requests a month must be a whole number of 0 or more, not 1.5.',
  );
  assert.equal(
    refusal({ type: 'REST', requests: Number.NaN }),
    'The requests a month must be a whole number of 0 or more, not NaN.',
  );
  assert.equal(refusal({ type: 'REST' }), 'Give the requests a month of the REST API.');
  assert.equal(
    refusal({ type: 'HTTP', requests: 1, messages: 5 }),
    'Messages and connection minutes are prices of WebSocket APIs; an HTTP API is billed per request.',
  );
  assert.match(
    refusal({ type: 'WEBSOCKET', requests: 5 }),
    /billed per message and connection minute, not per request/,
  );
  assert.equal(
    refusal({ type: 'REST', requests: 1, cacheGb: '5' }),
    'API Gateway has no 5 GB cache: the sizes are 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 GB.',
  );
  assert.equal(
    refusal({ type: 'HTTP', requests: 1, cacheGb: '0.5' }),
    'Only REST APIs have a stage cache; an HTTP API has none.',
  );
  assert.equal(
    refusal({ type: 'WEBSOCKET', messages: -3 }),
    'The messages a month must be a whole number of 0 or more, not -3.',
  );
  assert.equal(
    refusal({ type: 'WEBSOCKET', messages: 1, connectionMinutes: -1 }),
    'The connection minutes a month must be a whole number of 0 or more, not -1.',
  );
  assert.equal(
    refusal({ type: 'HTTP', requests: 1, payloadKb: -2 }),
    'The payload size must be a number of KB, 0 or more, not -2.',
  );
  assert.match(refusal({ type: 'WEBSOCKET', messages: 1, payloadKb: 129 }), /at most 128 KB; 129 KB/);
  assert.match(refusal({ type: 'HTTP', requests: 1, payloadKb: 10241 }), /at most 10 MB \(10240 KB\); 10241 KB/);
  assert.match(refusal({ type: 'SOAP' as 'REST', requests: 1 }), /REST, HTTP or WEBSOCKET, not 'SOAP'/);
  assert.match(
    refusal({ type: 'HTTP', requests: 9_000_000_000_000_000, payloadKb: 10_000 }),
    /× 20 billed requests, too many to count exactly/,
  );
});

test('formatEstimate: one line an item, the total, the prices and the notes', () => {
  const text = formatEstimate(estimate({ type: 'REST', requests: 333 * M + 1, cacheGb: '0.5' }));
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'REST API in us-east-1: $1,180.10 a month');
  assert.match(
    lines[1] ?? '',
    /^ {2}REST API requests \(first 333 M\) at \$3\.50 per million +333,000,000 +\$1,165\.50$/,
  );
  assert.match(lines[2] ?? '', /REST API requests \(333 M to 1 B\) at \$2\.80 per million +1 +\$0\.000003$/);
  assert.match(lines[4] ?? '', /^ {2}Total a month +\$1,180\.10$/);
  assert.equal(lines[5], `Prices of ${builtInPrices.date} from https://aws.amazon.com/api-gateway/pricing/.`);
});
