// The extension-host side of the activation benchmark: the run() module the test runner loads in VS Code.
// It runs activation.bench.cjs with mocha (the runner counts mocha results) and writes the figures to
// $APIGW_BENCH_OUT. Started by bench/activation.mjs, never by the test suite.
const path = require('node:path');

exports.run = async function run() {
  const Mocha = require(require.resolve('mocha', { paths: [__dirname] }));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120000 });
  mocha.addFile(path.join(__dirname, 'activation.bench.cjs'));
  await new Promise((resolve, reject) =>
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} benchmark step(s) failed`)) : resolve())),
  );
};
