import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';
import { TestBackend, closedPort } from './backend';
import { TestIssuer } from './jwtIssuer';
import { accessLogPattern, matchesJson, readScenario, type Scenario } from './scenario';
import { signScenarioRequest } from './scenarioSigning';

const dir = fixture('runtime');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** node:fs with the scenario's inline definition and config laid over it. */
function overlay(files: Map<string, string>): FileSystem {
  return {
    async readFile(p) {
      const text = files.get(p);
      return text !== undefined ? Buffer.from(text) : nodeFileSystem.readFile(p);
    },
    async size(p) {
      const text = files.get(p);
      return text !== undefined ? Buffer.byteLength(text) : nodeFileSystem.size(p);
    },
  };
}

function runtimeFor(name: string, scenario: Scenario): MockRuntime {
  const virtual = new Map<string, string>();
  let file: string;
  if (scenario.definitionFile !== undefined) {
    file = path.resolve(dir, scenario.definitionFile);
  } else {
    const json = scenario.definition!.trimStart().startsWith('{');
    file = path.join(dir, `${name}.definition.${json ? 'json' : 'yaml'}`);
    virtual.set(file, scenario.definition!);
  }
  const configFile = path.join(dir, `${name}.apigw.config.json`);
  virtual.set(configFile, scenario.config ?? '{}');
  const clock = scenario.clock;
  return new MockRuntime({
    file,
    configFile,
    fs: overlay(virtual),
    watch: false,
    ...(clock !== undefined ? { pipeline: { now: () => Date.parse(clock) } } : {}),
  });
}

/**
 * `{{jwt:CLAIMS}}` (and `{{jwt-other-key:…}}`, `{{jwt-tampered:…}}`, `{{jwt-hs256:…}}`, `{{jwt-none:…}}`) in a
 * scenario, after the other substitutions: each becomes a token the test issuer signs (see TestIssuer.token).
 */
async function tokenSubstitutions(
  file: string,
  substitutions: Record<string, string>,
  issuer: TestIssuer,
): Promise<Record<string, string>> {
  let text = fs.readFileSync(file, 'utf8');
  for (const [key, value] of Object.entries(substitutions)) text = text.split(`{{${key}}}`).join(value);
  const tokens: Record<string, string> = {};
  for (const m of text.matchAll(/\{\{(jwt(?:-[a-z0-9-]+)?):(.*?)\}\}(?!\})/g)) {
    tokens[`${m[1]}:${m[2]}`] = await issuer.token(JSON.parse(m[2]!) as Record<string, unknown>, m[1]);
  }
  return tokens;
}

describe('runtime scenarios (test/fixtures/runtime/*.txt)', () => {
  const backend = new TestBackend();
  const issuer = new TestIssuer();
  const substitutions: Record<string, string> = {};

  before(async () => {
    substitutions['backend'] = await backend.start();
    substitutions['unreachable'] = await closedPort();
    substitutions['issuer'] = await issuer.start();
    substitutions['jwks-file'] = issuer.jwksFile();
  });
  after(async () => {
    await backend.stop();
    await issuer.stop();
  });

  for (const name of files) {
    it(name, async () => {
      const file = path.join(dir, name);
      const tokens = await tokenSubstitutions(file, substitutions, issuer);
      const scenario = readScenario(file, { ...substitutions, ...tokens });
      const runtime = runtimeFor(name.replace(/\.txt$/, ''), scenario);
      const events: RequestEvent[] = [];
      runtime.onRequest((event) => events.push(event));
      const accessLog: string[] = [];
      if (scenario.accessLog !== undefined) runtime.onAccess((record) => accessLog.push(runtime.accessLogLine(record)));
      try {
        const base = await runtime.start(0, '127.0.0.1');
        const { method, path: requestPath, body } = scenario.request;
        let { headers } = scenario.request;
        let url = base + requestPath;
        if (scenario.sign !== undefined) {
          ({ url, headers } = await signScenarioRequest(
            new URL(url),
            method,
            headers,
            body,
            scenario.sign,
            scenario.clock,
          ));
        }
        const response = await fetch(url, {
          method,
          headers: headers,
          ...(body !== '' ? { body } : {}),
        });
        const text = await response.text();
        const label = `${scenario.description}\n${method} ${requestPath} → ${response.status} ${text}`;
        assert.equal(response.status, scenario.response.status, label);
        for (const [header, value] of scenario.response.headers) {
          assert.equal(response.headers.get(header), value, `header ${header}: ${label}`);
        }
        const trace = events.flatMap((e) => [...e.trace.map((step) => step.detail), ...e.logs]).join('\n');
        for (const line of scenario.trace) assert.ok(trace.includes(line), `trace lacks '${line}':\n${trace}`);
        if (scenario.accessLog !== undefined) {
          const requestId = response.headers.get('x-amzn-requestid') ?? response.headers.get('apigw-requestid') ?? '';
          assert.equal(accessLog.length, 1, `one access log line: ${accessLog.join('\n')}`);
          assert.match(accessLog[0]!, accessLogPattern(scenario.accessLog, requestId), label);
        }
        const expected = scenario.response.body;
        if (expected !== undefined) {
          let expectedJson: unknown;
          try {
            expectedJson = JSON.parse(expected);
          } catch {
            assert.equal(text, expected, label);
            return;
          }
          let actualJson: unknown;
          try {
            actualJson = JSON.parse(text);
          } catch {
            assert.fail(`the body is not JSON: ${label}`);
          }
          assert.ok(matchesJson(expectedJson, actualJson), `body differs: ${label}\nexpected ${expected}`);
        }
      } finally {
        await runtime.stop();
      }
    });
  }
});
