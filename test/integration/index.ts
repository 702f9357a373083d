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

/** APIGW_E2E_GREP as a regular expression (mocha would escape a plain string). */
function grepPattern(grep: string): RegExp {
  try {
    return new RegExp(grep);
  } catch (err) {
    throw new Error(
      `APIGW_E2E_GREP="${grep}" is not a valid regular expression (${(err as Error).message}); fix or unset it.`,
    );
  }
}

export async function run(): Promise<void> {
  // import() loads mocha whether it is CommonJS (11, the pinned major) or an ES module (>= 12).
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  const grep = process.env.APIGW_E2E_GREP;
  if (grep) mocha.grep(grepPattern(grep));
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
