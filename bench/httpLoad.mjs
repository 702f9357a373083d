// A small closed-loop HTTP/1.1 load generator on raw keep-alive sockets: CONNECTIONS connections, each sending
// its next GET as soon as the previous response is complete. Parsing only what it needs (status, Content-Length
// or chunked end) keeps the client cheap, so the server under test, not the client, sets the pace.
import net from 'node:net';

const headerEnd = Buffer.from('\r\n\r\n');
const chunkedEnd = Buffer.from('0\r\n\r\n');

/**
 * Loads `url` (127.0.0.1 only) for `durationMs`: requests/s, p50 / p99 latency in ms, and errors: non-200 or
 * failed requests, and with `expect` (the body every response must carry) responses whose body is not it.
 */
export async function load(url, { connections = 10, durationMs = 2000, expect } = {}) {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}: 127.0.0.1 only`);
  const request = Buffer.from(
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: application/json\r\n\r\n`,
  );
  const latencies = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  const expected = expect === undefined ? undefined : Buffer.from(expect);
  const counts = await Promise.all(
    Array.from({ length: connections }, () => connection(Number(target.port), request, end, latencies, expected)),
  );
  for (const count of counts) errors += count;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  return { rps: latencies.length / seconds, p50: pct(50), p99: pct(99), errors };
}

/** One keep-alive connection sending requests one after another until `end`; resolves to its error count. */
function connection(port, request, end, latencies, expected) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    let errors = 0;
    let buffered = Buffer.alloc(0);
    let sentAt = 0;
    const send = () => {
      if (performance.now() >= end) {
        socket.end();
        return resolve(errors);
      }
      sentAt = performance.now();
      socket.write(request);
    };
    socket.once('connect', send);
    // A refused or dropped connection counts as one failed request (resolve ignores later calls).
    socket.on('error', () => resolve(errors + 1));
    socket.on('close', () => resolve(performance.now() < end ? errors + 1 : errors));
    socket.on('data', (chunk) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const size = responseSize(buffered);
      if (size === undefined) return;
      if (buffered.toString('latin1', 9, 12) !== '200') errors++;
      else if (expected !== undefined && !hasBody(buffered, size, expected)) errors++;
      latencies.push(performance.now() - sentAt);
      buffered = buffered.subarray(size);
      send();
    });
  });
}

/** Whether the complete response of `size` bytes at the start of `data` has exactly the body `expected`. */
function hasBody(data, size, expected) {
  const start = data.indexOf(headerEnd) + 4;
  return size - start === expected.length && data.compare(expected, 0, expected.length, start, size) === 0;
}

/** The size of the complete response at the start of `data`, or undefined while it is incomplete. */
function responseSize(data) {
  const head = data.indexOf(headerEnd);
  if (head < 0) return undefined;
  const headers = data.toString('latin1', 0, head).toLowerCase();
  const length = /\r\ncontent-length:\s*(\d+)/.exec(headers);
  if (length) {
    const size = head + 4 + Number(length[1]);
    return data.length >= size ? size : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/.test(headers)) {
    const last = data.indexOf(chunkedEnd, head + 4);
    return last < 0 ? undefined : last + chunkedEnd.length;
  }
  return head + 4; // no body (204, 304)
}
