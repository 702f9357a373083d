import { callRingReader } from './callRing';
import { eventMaker } from './eventMaker';

/**
 * The code each handler worker runs (evaluated as a CommonJS script, so it needs no file of its own in the bundle). It
 * imports the handler module once and runs the invocations it is sent, and reports console output with the
 * invocation's number on this worker, \`seq\` (AsyncLocalStorage keeps it across awaits); results name it too, as a
 * number: a result is [number, 1, result] or [number, 0, message, type, stack]. The request id is the handler's
 * context.awsRequestId only (two calls may share one). A proxy integration sends the event's parts, and the worker
 * makes the event with eventMaker.ts's code (its source is the first line here).
 *
 * The channel (workerPool.ts): a call is one JSON text, a list. The runtime puts each in a ring of shared memory
 * (callRing.ts; its reader's source is the second line here) and wakes the worker, if it sleeps, at the end of the
 * task that made them; a call that does not fit in the ring, and every call where Node has no Atomics.waitAsync,
 * is posted instead, one message a task: a call's list, or a list of them. The worker answers with one JSON text a
 * turn of its own loop, the list of the results that came in that turn. Each postMessage may wake the other thread
 * (a system call and a context switch on each side), and a structured clone of an object costs more than a string:
 * text, and results batched per turn, keep a call to a fraction of a message's cost on the way back. Console output
 * is posted at once, so a handler's lines arrive before its result and are not lost when it then hangs or ends the
 * worker. The calls need no order among themselves: each has its own number, its own result.
 */
export const workerSource =
  `const eventMaker = (${eventMaker.toString()})();\n` +
  `const callRingReader = ${callRingReader.toString()};\n` +
  String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { AsyncLocalStorage } = require('node:async_hooks');
const { pathToFileURL } = require('node:url');
const util = require('node:util');
const current = new AsyncLocalStorage();
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => parentPort.postMessage({ type: 'log', seq: current.getStore(), text: util.format(...args) });
}
let loading;
let replies = '';
let flushing = false;
function flush() {
  flushing = false;
  if (replies === '') return;
  const text = '[' + replies + ']';
  replies = '';
  parentPort.postMessage(text);
}
function reply(text) {
  replies = replies === '' ? text : replies + ',' + text;
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
}
// A handler that ends the worker (process.exit) does not take the results already made, not yet posted, with it.
process.on('exit', flush);
function describe(error) {
  if (error instanceof Error) {
    return { errorMessage: error.message, errorType: error.name || 'Error', stackTrace: String(error.stack || '').split('\n').slice(1).map((l) => l.trim()) };
  }
  return { errorMessage: typeof error === 'string' ? error : util.inspect(error), errorType: 'Error', stackTrace: [] };
}
// A handler is called at once, in its invocation's turn (a throw is its error like a rejection); one that takes
// a callback is answered by the callback or by the promise it returns, whichever comes first.
function call(fn, event, context) {
  if (fn.length < 3) return fn(event, context);
  return new Promise((resolve, reject) => {
    const done = (error, result) => (error ? reject(error) : resolve(result));
    const returned = fn(event, context, done);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}
// The handler module: imported on the first call (a failed import is tried again on the next), then at hand
// without awaiting a promise per call.
let loaded;
function load() {
  loading = loading || import(pathToFileURL(workerData.module).href).then((mod) => (loaded = mod), (error) => {
    loading = undefined;
    const wrapped = new Error(error && error.message ? error.message : String(error));
    wrapped.name = 'Runtime.ImportModuleError';
    throw wrapped;
  });
  return loading;
}
// A call: [seq, request id, timeout (ms), export name, function name, event or its parts, 1 when parts].
async function invoke(message) {
  const [seq, id, timeoutMs, exportName, functionName, payload, isParts] = message;
  try {
    const mod = loaded || (await load());
    const fn = mod[exportName] ??
      (mod.default && Object.prototype.hasOwnProperty.call(mod.default, exportName) ? mod.default[exportName] : undefined);
    if (typeof fn !== 'function') {
      const error = new Error(workerData.module + ' has no exported function ' + exportName);
      error.name = 'Runtime.HandlerNotFound';
      throw error;
    }
    const deadline = Date.now() + timeoutMs;
    const context = {
      functionName, functionVersion: '$LATEST', awsRequestId: id,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:' + functionName,
      memoryLimitInMB: '128', logGroupName: '/aws/lambda/' + functionName, logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const event = isParts === 1 ? eventMaker.fromParts(payload) : payload;
    const result = await call(fn, event, context);
    const json = result === undefined ? 'null' : JSON.stringify(result);
    reply('[' + seq + ',1,' + (json === undefined ? 'null' : json) + ']');
  } catch (error) {
    const { errorMessage, errorType, stackTrace } = describe(error);
    reply(JSON.stringify([seq, 0, errorMessage, errorType, stackTrace]));
  }
}
// The invocations of a batch start in the same turn: one that blocks the thread or ends the worker before the
// others finish holds them back or ends them too, as it does any invocation still in flight; the results already
// made are posted all the same (see the exit handler above).
function run(text) {
  const calls = JSON.parse(text);
  // One call is its list; several, a list of them.
  if (typeof calls[0] === 'number') current.run(calls[0], invoke, calls);
  else for (const call of calls) current.run(call[0], invoke, call);
}
// Also what keeps this thread's loop alive while the ring's reader sleeps: a pending Atomics.waitAsync does not.
parentPort.on('message', run);
if (workerData.ring) callRingReader(workerData.ring.control, Buffer.from(workerData.ring.bytes), run);
`;
