import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDefinition } from '../../../src/model';
import type { ReadResult } from '../../../src/model';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

const bad = (name: string): string => fixture('model', 'bad', name);

function failureOf(result: ReadResult): { code: string; message: string; line: number } {
  assert.equal(result.ok, false, 'expected the read to fail');
  if (result.ok) throw new Error('unreachable');
  const { code, message, range } = result.failure.error;
  return { code, message, line: range.start.line };
}

test('a missing file is unreadable', async () => {
  const result = await readDefinition(bad('doesNotExist.yaml'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.unreadable',
    message: 'Cannot read doesNotExist.yaml: the file does not exist. Check the path.',
    line: 0,
  });
});

test('a file that cannot be read reports the reason', async () => {
  const denied: FileSystem = {
    size: () => Promise.resolve(10),
    readFile: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
  };
  const result = await readDefinition('/work/secret.yaml', { fs: denied });
  assert.equal(failureOf(result).message, 'Cannot read secret.yaml: permission denied.');
});

test('a 50 MB file is refused before it is read', async () => {
  let read = false;
  const huge: FileSystem = {
    size: () => Promise.resolve(50 * 1024 * 1024),
    readFile: () => {
      read = true;
      return Promise.resolve(new Uint8Array());
    },
  };
  const result = await readDefinition('/work/huge.yaml', { fs: huge });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.tooLarge',
    message:
      'huge.yaml is 50.0 MB, more than the 32 MB this tool reads (API Gateway itself imports at most 6 MB). ' +
      'Split the definition into smaller files joined with $ref.',
    line: 0,
  });
  assert.equal(read, false);
});

test('a binary file is refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-'));
  const file = path.join(dir, 'image.yaml');
  fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  try {
    const result = await readDefinition(file, { fs: nodeFileSystem });
    assert.deepEqual(failureOf(result), {
      code: 'apigw.read.binary',
      message: 'image.yaml is not a text file (binary content at byte 4); API definitions are YAML or JSON text.',
      line: 0,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('text that is not YAML fails with the syntax error and its line', async () => {
  const result = await readDefinition(bad('notYaml.yaml'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.syntax',
    message:
      'notYaml.yaml is not valid YAML (line 3): YAML syntax error: Plain value cannot start with reserved character @',
    line: 2,
  });
});

test('text that is not JSON fails with the syntax error and its line', async () => {
  const result = await readDefinition(bad('notJson.json'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.syntax',
    message: 'notJson.json is not valid JSON (line 3): JSON syntax error: Unexpected character.',
    line: 2,
  });
});

test('a YAML list is not a definition', async () => {
  const result = await readDefinition(bad('notMapping.yaml'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.syntax',
    message:
      "notMapping.yaml is not a YAML or JSON mapping (it holds a list): an API definition starts with keys such as 'openapi:' or 'Resources:'.",
    line: 0,
  });
});

test('a mapping without openapi, swagger or Resources is not an API definition', async () => {
  const result = await readDefinition(bad('notApi.yaml'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.notApiDefinition',
    message:
      "notApi.yaml is not an API definition: it has no 'openapi' or 'swagger' field and no CloudFormation 'Resources' with an API Gateway API.",
    line: 0,
  });
});

test('a template without an API says so, at its Resources', async () => {
  const result = await readDefinition(bad('templateWithoutApi.yaml'), { fs: nodeFileSystem });
  assert.deepEqual(failureOf(result), {
    code: 'apigw.read.notApiDefinition',
    message:
      'templateWithoutApi.yaml is a CloudFormation template but not an API definition: none of its Resources is an ' +
      'AWS::Serverless::Api, AWS::Serverless::HttpApi, AWS::ApiGateway::RestApi or AWS::ApiGatewayV2::Api, and no ' +
      'AWS::Serverless::Function has an Api or HttpApi event.',
    line: 1,
  });
});

test('a broken $ref is a problem on the line of the $ref, and the rest is read', async () => {
  const result = await readDefinition(bad('brokenRef.yaml'), { fs: nodeFileSystem });
  assert.ok(result.ok);
  const { problems, apis } = result.definition;
  assert.deepEqual(
    problems.map((p) => [p.code, p.range.start.line, p.message]),
    [
      [
        'apigw.ref.unresolved',
        8,
        "Cannot resolve $ref '#/components/parameters/Missing': 'components' does not exist under '#'.",
      ],
    ],
  );
  assert.equal(apis[0]?.routes.length, 1);
  assert.deepEqual(apis[0]?.routes[0]?.parameters, []);
});

test('unsaved editor text is read instead of the file', async () => {
  const text = 'openapi: 3.0.1\ninfo: {title: Unsaved, version: "1"}\npaths:\n  /x:\n    get: {}\n';
  const result = await readDefinition('/nowhere/unsaved.yaml', { fs: nodeFileSystem, text });
  assert.ok(result.ok);
  assert.equal(result.definition.apis[0]?.name, 'Unsaved');
  assert.equal(result.definition.apis[0]?.routes[0]?.loc.range.start.line, 4);
});

test('an unexpected exception becomes an internal failure naming the file', async () => {
  const broken: FileSystem = {
    size: () => Promise.resolve(10),
    // Bytes that throw when looked at: stands for a bug anywhere below the facade.
    readFile: () =>
      Promise.resolve(
        new Proxy(new Uint8Array(), {
          get(_target, key) {
            if (key === 'then') return undefined;
            throw new Error('boom');
          },
        }),
      ),
  };
  const result = await readDefinition('/work/odd.yaml', { fs: broken });
  const failure = failureOf(result);
  assert.equal(failure.code, 'apigw.read.internal');
  assert.equal(
    failure.message,
    'odd.yaml could not be read because of an internal error (boom). Please report it with the file.',
  );
});
