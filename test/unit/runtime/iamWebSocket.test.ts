import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import { signMockRequest } from '../../../src/runtime/iam/sign';
import { fixture } from '../helpers/paths';

/** Opens a client; resolves once open, rejects with the handshake's HTTP status when refused. */
function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const alice = { accessKeyId: 'AKIALOCALALICE00001', secretAccessKey: 'alice-secret' };
const clock = Date.parse('2024-05-01T12:00:00Z');

/** `url` (ws://host:port/stage) signed for $connect: the query-string form browsers' clients use, or the header form. */
async function signed(
  url: string,
  form: 'query' | 'header',
  keys = alice,
  date = new Date(clock),
): Promise<{ url: string; headers: Record<string, string> }> {
  const u = new URL(url);
  const request = await signMockRequest(
    {
      method: 'GET',
      path: u.pathname,
      rawPath: u.pathname,
      query: '',
      headers: Object.create(null) as Record<string, string[]>,
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    },
    keys,
    { region: 'us-east-1', host: u.host, date, form },
  );
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers)) if (name !== 'host') headers[name] = values[0]!;
  return { url: `${u.origin}${u.pathname}${request.query === '' ? '' : `?${request.query}`}`, headers };
}

// A WebSocket API's $connect route with AuthorizationType AWS_IAM: clients sign the handshake with SigV4, as a
// presigned URL (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html;
// AWS support's answer, "sign the wss URL ... X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=…":
// https://coderapp.vercel.app/answer/60008232), or with an Authorization header; an unsigned or wrongly signed
// handshake is refused with 403.
describe('WebSocket $connect with IAM authorization', () => {
  const runtime = new MockRuntime({
    file: fixture('runtime/websocket/iam-connect.yaml'),
    configFile: fixture('runtime/websocket/iam-connect.apigw.config.json'),
    watch: false,
    pipeline: { now: () => clock },
  });
  const events: RequestEvent[] = [];
  let url = '';
  before(async () => {
    runtime.onRequest((e) => events.push(e));
    url = await runtime.start(0, '127.0.0.1');
  });
  after(() => runtime.stop());

  it('refuses an unsigned handshake with 403, and says why in the $connect event', async () => {
    await assert.rejects(open(url), /refused with 403/);
    const refused = events.find((e) => e.method === 'CONNECT' && e.status === 403);
    assert.ok(refused, 'a CONNECT event answered 403');
    assert.ok(
      refused.trace.some((s) => s.detail.includes('the request is not signed')),
      JSON.stringify(refused.trace),
    );
  });

  it('opens a presigned connection, and the connection’s $context.identity names the caller', async () => {
    const target = await signed(url, 'query');
    const ws = await open(target.url);
    try {
      const reply = new Promise<string>((resolve) =>
        ws.once('message', (data: WebSocket.RawData) =>
          resolve(Buffer.isBuffer(data) ? data.toString('utf8') : JSON.stringify(data)),
        ),
      );
      ws.send(JSON.stringify({ action: 'whoami' }));
      assert.deepEqual(JSON.parse(await reply), {
        userArn: 'arn:aws:iam::123456789012:user/alice',
        accessKey: 'AKIALOCALALICE00001',
      });
    } finally {
      ws.close();
    }
  });

  it('opens a connection signed with an Authorization header', async () => {
    const target = await signed(url, 'header');
    const ws = await open(target.url, target.headers);
    ws.close();
  });

  it('refuses a handshake signed with another secret, or more than 5 minutes ago', async () => {
    const wrong = await signed(url, 'query', { ...alice, secretAccessKey: 'not-alices' });
    await assert.rejects(open(wrong.url), /refused with 403/);
    const old = await signed(url, 'query', alice, new Date(clock - 6 * 60_000));
    // Presigned for 300 s (signMockRequest's default X-Amz-Expires): expired 6 minutes later.
    await assert.rejects(open(old.url), /refused with 403/);
    const reasons = events.filter((e) => e.status === 403).flatMap((e) => e.trace.map((s) => s.detail));
    assert.ok(
      reasons.some((r) => r.includes("the signature is not the one AKIALOCALALICE00001's secretAccessKey gives")),
    );
    assert.ok(reasons.some((r) => r.includes('the presigned request was valid for 300 s')));
  });
});
