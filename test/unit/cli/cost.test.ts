// apigw cost: the estimate as text and JSON from the built-in table, every bad input refused with a clear message
// (exit 2), and --prices aws against the AWS test double (the Price List API), falling back to the table.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runCost } from '../../../src/cli/commands/cost';
import type { AwsModule } from '../../../src/cli/aws/loadAws';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { builtInPrices } from '../../../src/model/cost';
import { startAwsTestServer, type AwsTestServer } from '../../aws/server';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cost(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd() };
  const code = await main(['cost', ...argv], io);
  return { code, out, err };
}

async function refused(argv: string[], message: string): Promise<void> {
  const run = await cost(...argv);
  assert.equal(run.code, 2, `exit code of ${argv.join(' ')}: ${run.err}`);
  assert.equal(run.err.split('\n')[0], `apigw cost: ${message}`);
  assert.match(run.err, /usage: apigw cost --type/);
  assert.equal(run.out, '');
}

const env = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };
const saved = new Map<string, string | undefined>();
before(() => {
  for (const [key, value] of Object.entries(env)) {
    saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
  }
});
after(() => {
  for (const [key, value] of saved) if (value !== undefined) process.env[key] = value;
});

test('text: the lines, the total, the dated source', async () => {
  const run = await cost('--type', 'rest', '--requests', '333.000001M', '--cache-gb', '0.5');
  assert.equal(run.code, 0, run.err);
  assert.equal(run.err, '');
  const lines = run.out.trimEnd().split('\n');
  assert.equal(lines[0], 'REST API in us-east-1: $1,180.10 a month');
  assert.match(lines[1] ?? '', /REST API requests \(first 333 M\) at \$3\.50 per million +333,000,000 +\$1,165\.50/);
  assert.match(lines[3] ?? '', /Cache 0\.5 GB at \$0\.02 an hour, 730 hours +730 +\$14\.60/);
  assert.match(run.out, /Total a month +\$1,180\.10/);
  assert.match(
    run.out,
    new RegExp(`Prices of ${builtInPrices.date} from https://aws.amazon.com/api-gateway/pricing/\\.`),
  );
});

test('json: type, region, monthlyUsd, lines and prices', async () => {
  const run = await cost('--type', 'HTTP', '--requests', '5e6', '--payload-kb', '1228.8', '--format', 'json');
  assert.equal(run.code, 0, run.err);
  const json = JSON.parse(run.out) as Record<string, unknown>;
  assert.deepEqual(
    { ...json, notes: undefined },
    {
      type: 'HTTP',
      region: 'us-east-1',
      monthlyUsd: 15,
      lines: [{ item: 'HTTP API requests (first 300 M) at $1.00 per million', quantity: 15_000_000, usd: 15 }],
      prices: { date: builtInPrices.date, source: 'https://aws.amazon.com/api-gateway/pricing/' },
      notes: undefined,
    },
  );
  assert.match(
    String((json['notes'] as string[])[0]),
    /each 1228\.8 KB request counts as 3, so 5 M requests are billed as 15 M/,
  );
});

test('WebSocket: messages and connection minutes', async () => {
  const run = await cost('--type', 'websocket', '--messages', '2B', '--connection-minutes', '10M', '--format', 'json');
  assert.equal(run.code, 0, run.err);
  const json = JSON.parse(run.out) as { monthlyUsd: number; lines: Array<{ quantity: number }> };
  assert.equal(json.monthlyUsd, 1000 + 800 + 2.5);
  assert.deepEqual(
    json.lines.map((l) => l.quantity),
    [1e9, 1e9, 1e7],
  );
});

test('another region: the us-east-1 figures, said to differ', async () => {
  const run = await cost('--type', 'REST', '--requests', '1M', '--region', 'eu-west-1');
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /^REST API in eu-west-1: \$3\.50 a month/);
  assert.match(run.out, /US East \(N\. Virginia\) prices only: they are used for eu-west-1, whose prices differ/);
});

/** Each bad input, and the first line of what apigw cost says (exit 2, with the usage). */
const badInputs: Array<[argv: string[], message: string]> = [
  [['--type', 'REST', '--requests=-5'], '--requests must be 0 or more, not -5.'],
  [['--type', 'REST', '--requests', '-5'], '--requests must be 0 or more, not -5.'],
  [['--type', 'HTTP', '--requests', '5', '--payload-kb', '-0.5'], '--payload-kb must be 0 or more, not -0.5.'],
  [
    ['--type', 'REST', '--requests', 'many'],
    "--requests must be a number such as 5000000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion), not 'many'.",
  ],
  [['--type', 'REST', '--requests', '2.5'], "--requests must be a whole number, not '2.5'."],
  [['--type', 'SOAP', '--requests', '5'], "--type must be rest, http or websocket, not 'SOAP'"],
  [['--requests', '5'], 'give --type REST, HTTP or WEBSOCKET'],
  [['--type', 'REST'], 'give --requests N, the requests a month of the REST API'],
  [
    ['--type', 'REST', '--requests', '5', '--cache-gb', '5'],
    "--cache-gb must be one of API Gateway's cache sizes, 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (GB), not '5'",
  ],
  [
    ['--type', 'HTTP', '--requests', '5', '--cache-gb', '0.5'],
    '--cache-gb: only REST APIs have a stage cache, not HTTP APIs',
  ],
  [
    ['--type', 'HTTP', '--requests', '5', '--messages', '5'],
    '--messages and --connection-minutes are WebSocket prices; an HTTP API is billed per request (--requests)',
  ],
  [
    ['--type', 'websocket', '--requests', '5'],
    'WebSocket APIs are billed per message and connection minute: give --messages (and --connection-minutes) instead of --requests',
  ],
  [['--type', 'websocket'], 'give --messages N, the messages a month of the WebSocket API'],
  [
    ['--type', 'websocket', '--messages', '5', '--connection-minutes=-1'],
    '--connection-minutes must be 0 or more, not -1.',
  ],
  [
    ['--type', 'HTTP', '--requests', '5', '--payload-kb', 'big'],
    "--payload-kb must be a number such as 5000000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion), not 'big'.",
  ],
  [
    ['--type', 'websocket', '--messages', '5', '--payload-kb', '200'],
    'A WebSocket message is at most 128 KB; 200 KB is more than API Gateway accepts.',
  ],
  [['--type', 'REST', '--requests', '5', '--format', 'xml'], "--format must be text or json, not 'xml'"],
  [['--type', 'REST', '--requests', '5', '--prices', 'cheap'], "--prices must be table or aws, not 'cheap'"],
  [
    ['--type', 'REST', '--requests', '5', '--region', 'mars'],
    "'mars' is not an AWS region name (e.g. us-east-1, eu-west-1)",
  ],
  [
    ['--type', 'REST', '--requests', '5', '--profile', 'dev'],
    '--profile and --endpoint-url are for --prices aws (the built-in table needs no AWS call)',
  ],
];

test('bad input: each refused with a message naming the option', async () => {
  for (const [argv, message] of badInputs) await refused(argv, message);
});

test('the built-in table needs no AWS: the SDK module is never touched', async () => {
  const untouchable = new Proxy({} as AwsModule, {
    get(_, name) {
      throw new Error(`apigw cost read aws.${String(name)}`);
    },
  });
  let out = '';
  const io: CliIo = { out: (t) => (out += t), err: () => undefined, cwd: process.cwd() };
  assert.equal(await runCost(['--type', 'REST', '--requests', '5M', '--region', 'eu-west-1'], io, untouchable), 0);
  assert.match(out, /^REST API in eu-west-1: \$17\.50 a month/);
});

describe('--prices aws', () => {
  const credentials = { accessKeyId: 'AKIDCOSTTEST', secretAccessKey: 'cost-secret' };
  let server: AwsTestServer;
  const keys = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_MAX_ATTEMPTS'];
  const before2 = new Map<string, string | undefined>();
  before(async () => {
    for (const key of keys) before2.set(key, process.env[key]);
    process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
    process.env['AWS_MAX_ATTEMPTS'] = '1';
    delete process.env['AWS_PROFILE'];
    server = await startAwsTestServer({ region: 'us-east-1', credentials: [credentials] });
  });
  after(async () => {
    await server.close();
    for (const [key, value] of before2) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test('reads the region’s prices from the Price List API and names it as the source', async () => {
    server.reset();
    const run = await cost(
      '--type',
      'REST',
      '--requests',
      '1B',
      '--prices',
      'aws',
      '--region',
      'us-east-1',
      '--endpoint-url',
      server.url,
      '--format',
      'json',
    );
    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out) as { monthlyUsd: number; prices: unknown; notes: string[] };
    assert.equal(json.monthlyUsd, 3033.1);
    assert.deepEqual(json.prices, {
      date: '2026-11-20',
      source: 'AWS Price List API (GetProducts, service code AmazonApiGateway)',
    });
    assert.equal(
      server.requests.filter((r) => r.headers['x-amz-target'] === 'AWSPriceListService.GetProducts').length,
      1,
    );
  });

  test('falls back to the table, saying why, when the Price List API refuses', async () => {
    server.reset();
    server.fail('GetProducts', {
      errorType: 'AccessDeniedException',
      status: 400,
      message: 'not authorized to perform: pricing:GetProducts',
    });
    const run = await cost(
      '--type',
      'REST',
      '--requests',
      '1B',
      '--prices',
      'aws',
      '--region',
      'us-east-1',
      '--endpoint-url',
      server.url,
    );
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^REST API in us-east-1: \$3,033\.10 a month/);
    assert.match(run.out, /The AWS Price List API could not be read: .*The built-in table is used\./);
    assert.match(run.out, /from https:\/\/aws\.amazon\.com\/api-gateway\/pricing\//);
  });
});
