// readDefinitionNow: the workspace scan's reader. It gives the same result as readDefinition, and gives it as it is
// (not in a promise) when the document names no other file to load, so a scan of small files does not wait.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readDefinition, readDefinitionNow } from '../../../src/model';
import type { ReadResult } from '../../../src/model';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture, repoRoot } from '../helpers/paths';

/** nodeFileSystem that counts the files it is asked about. */
function countingFs(): { fs: FileSystem; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fs: {
      size: (file) => {
        asked.push(file);
        return nodeFileSystem.size(file);
      },
      readFile: (file) => nodeFileSystem.readFile(file),
    },
  };
}

function now(file: string, text = fs.readFileSync(file, 'utf8')): ReadResult | Promise<ReadResult> {
  return readDefinitionNow(file, { fs: nodeFileSystem, text });
}

/** Compares through JSON: the models' lazy fields are read, as the tree reads them. */
const plain = (result: ReadResult): unknown => JSON.parse(JSON.stringify(result));

describe('readDefinitionNow', () => {
  const inOneGo = [
    fixture('model', 'openapi', 'restPetstore.yaml'),
    fixture('model', 'openapi', 'httpJwtCors.json'),
    fixture('model', 'openapi', 'swagger20.yaml'),
    fixture('model', 'sam', 'definitionBody.yaml'),
    fixture('model', 'sam', 'globals.yaml'),
    fixture('model', 'sam', 'implicitApi.yaml'),
    fixture('model', 'cfn', 'restResources.yaml'),
    fixture('model', 'cfn', 'websocket.yaml'),
    fixture('model', 'bad', 'brokenRef.yaml'),
    fixture('model', 'bad', 'notApi.yaml'),
    fixture('model', 'bad', 'notMapping.yaml'),
    fixture('model', 'bad', 'notYaml.yaml'),
    fixture('model', 'bad', 'templateWithoutApi.yaml'),
    path.join(repoRoot, 'examples', 'chat-websocket', 'template.yaml'),
    path.join(repoRoot, 'examples', 'notes-http', 'openapi.json'),
  ];
  for (const file of inOneGo) {
    it(`reads ${path.basename(file)} at once, as readDefinition reads it`, async () => {
      const result = now(file);
      assert.ok(!(result instanceof Promise), 'expected the result, not a promise');
      assert.deepEqual(plain(result), plain(await readDefinition(file, { fs: nodeFileSystem })));
    });
  }

  const loading = [
    fixture('model', 'refs', 'main.yaml'),
    fixture('model', 'sam', 'definitionUri.yaml'),
    fixture('model', 'sam', 'include.yaml'),
  ];
  for (const file of loading) {
    it(`waits for the files ${path.basename(file)} names, and gives what readDefinition gives`, async () => {
      const result = now(file);
      assert.ok(result instanceof Promise, 'another file must be read first');
      assert.deepEqual(plain(await result), plain(await readDefinition(file, { fs: nodeFileSystem })));
    });
  }

  it('reads nothing more for a template whose API body is on S3', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  RemoteApi:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: prod',
      '      DefinitionUri: s3://bucket/api.yaml',
      '',
    ].join('\n');
    const { fs: counting, asked } = countingFs();
    const result = readDefinitionNow('/work/template.yaml', { fs: counting, text });
    assert.ok(!(result instanceof Promise));
    assert.ok(result.ok);
    assert.deepEqual(
      result.definition.problems.map((p) => p.code),
      ['apigw.cfn.remoteBody'],
    );
    assert.deepEqual(asked, []);
  });

  it('a file named by a $ref is read once, by the promise', async () => {
    const { fs: counting, asked } = countingFs();
    const file = fixture('model', 'refs', 'main.yaml');
    const result = readDefinitionNow(file, { fs: counting, text: fs.readFileSync(file, 'utf8') });
    assert.ok(result instanceof Promise);
    assert.ok((await result).ok);
    assert.deepEqual(asked, [fixture('model', 'refs', 'common.yaml')]);
  });
});
