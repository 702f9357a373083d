// The integration suite's entry: the `extensionTestsPath` module VS Code loads in the extension host, both
// under @vscode/test-electron (test/runner/electron.mjs) and under code-server (test/runner/run.mjs).
// It runs every *.test.js next to it (recursively, sorted) with mocha's tdd interface.
// APIGW_E2E_GREP, when set, keeps only the tests whose full title matches it (a regular expression).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every `*.test.js` under `dir`, sorted so the order is the same on every machine. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.resolve(dir, f));
}

export async function run(): Promise<void> {
  // mocha >= 12 is an ES module: import() loads it in every Node the extension host may run on.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  const grep = process.env.APIGW_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
