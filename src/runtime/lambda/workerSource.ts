/**
 * The code each handler worker runs (evaluated as a CommonJS script, so it needs no file of its own in the
 * bundle). It imports the handler module once, runs one invocation per message, and reports console output
 * with the invocation's id (AsyncLocalStorage keeps the id across awaits).
 */
export const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { AsyncLocalStorage } = require('node:async_hooks');
const { pathToFileURL } = require('node:url');
const util = require('node:util');
const current = new AsyncLocalStorage();
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => parentPort.postMessage({ type: 'log', id: current.getStore(), text: util.format(...args) });
}
let loading;
function describe(error) {
  if (error instanceof Error) {
    return { errorMessage: error.message, errorType: error.name || 'Error', stackTrace: String(error.stack || '').split('\n').slice(1).map((l) => l.trim()) };
  }
  return { errorMessage: typeof error === 'string' ? error : util.inspect(error), errorType: 'Error', stackTrace: [] };
}
function call(fn, event, context) {
  if (fn.length < 3) return Promise.resolve().then(() => fn(event, context));
  return new Promise((resolve, reject) => {
    const done = (error, result) => (error ? reject(error) : resolve(result));
    const returned = fn(event, context, done);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}
parentPort.on('message', (message) => {
  current.run(message.id, async () => {
    let reply;
    try {
      loading = loading || import(pathToFileURL(workerData.module).href).catch((error) => {
        loading = undefined;
        const wrapped = new Error(error && error.message ? error.message : String(error));
        wrapped.name = 'Runtime.ImportModuleError';
        throw wrapped;
      });
      const mod = await loading;
      const fn = mod[message.exportName] ??
        (mod.default && Object.prototype.hasOwnProperty.call(mod.default, message.exportName) ? mod.default[message.exportName] : undefined);
      if (typeof fn !== 'function') {
        const error = new Error(workerData.module + ' has no exported function ' + message.exportName);
        error.name = 'Runtime.HandlerNotFound';
        throw error;
      }
      const deadline = Date.now() + message.timeoutMs;
      const context = {
        functionName: message.functionName, functionVersion: '$LATEST', awsRequestId: message.id,
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:' + message.functionName,
        memoryLimitInMB: '128', logGroupName: '/aws/lambda/' + message.functionName, logStreamName: 'local',
        callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      const result = await call(fn, JSON.parse(message.eventJson), context);
      reply = { type: 'result', id: message.id, ok: true, json: result === undefined ? 'null' : JSON.stringify(result) };
    } catch (error) {
      reply = { type: 'result', id: message.id, ok: false, ...describe(error) };
    }
    parentPort.postMessage(reply);
  });
});
`;
