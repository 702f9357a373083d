// The Get Started walkthrough's pure parts: which definition is the walkthrough's and which of its nodes the
// buttons use, and the `apigw deploy --dry-run` command line. The dry run's refusal in Restricted Mode is in
// restrictedMode.test.ts; the buttons themselves run in the integration suite (test/integration/walkthrough.test.ts).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { IndexedFile } from '../../../src/extension/explorer/nodes';
import {
  displayCommandLine,
  dryRunArguments,
  dryRunRegion,
  dryRunStage,
  terminalText,
} from '../../../src/extension/walkthrough/dryRunCommandLine';
import {
  exampleApiNode,
  exampleRouteNode,
  exampleTemplateNode,
  findGetStartedExample,
} from '../../../src/extension/walkthrough/getStartedExample';
import { readDefinition } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { repoRoot } from '../helpers/paths';

async function indexed(...relative: string[]): Promise<IndexedFile[]> {
  const out: IndexedFile[] = [];
  for (const r of relative) {
    const file = path.join(repoRoot, 'examples', r);
    const result = await readDefinition(file, { fs: nodeFileSystem });
    assert.ok(result.ok, `${r} cannot be read`);
    out.push({ file, result: { ok: true, definition: result.definition } });
  }
  return out;
}

describe('the Get Started example', () => {
  it('is get-started/openapi.yaml among the workspace files, with its API, route and greeting template', async () => {
    const files = await indexed('pets-rest/openapi.yaml', 'get-started/openapi.yaml', 'notes-http/openapi.json');
    const example = findGetStartedExample(files);
    assert.ok(example);
    assert.equal(example.file, path.join(repoRoot, 'examples', 'get-started', 'openapi.yaml'));
    assert.equal(example.api.name, 'Get Started API');
    assert.equal(example.api.type, 'REST');
    assert.equal(`${example.route.method} ${example.route.path}`, 'GET /greetings/{name}');
    assert.deepEqual(exampleApiNode(example), { kind: 'api', api: example.api });
    assert.deepEqual(exampleRouteNode(example), { kind: 'route', api: example.api, route: example.route });
    const template = exampleTemplateNode(example);
    assert.equal(template?.kind, 'template');
    assert.ok(template?.kind === 'template');
    assert.equal(template.role, 'response');
    assert.equal(template.statusCode, '200');
    assert.match(template.template.text, /"message": "Hello, \$util\.escapeJavaScript\(\$name\)!"/);
  });

  it('is not found in a workspace without it', async () => {
    assert.equal(findGetStartedExample(await indexed('pets-rest/openapi.yaml')), undefined);
    assert.equal(findGetStartedExample([]), undefined);
  });

  it('has the one problem the walkthrough fixes', async () => {
    const [entry] = await indexed('get-started/openapi.yaml');
    assert.ok(entry?.result.ok);
    assert.deepEqual(entry.result.definition.apis[0]?.routes[0]?.parameters, [], 'the path parameter is undeclared');
  });
});

describe('the deploy dry run command line', () => {
  const api = async (relative: string) => {
    const [entry] = await indexed(relative);
    assert.ok(entry?.result.ok);
    return entry.result.definition.apis;
  };

  it('plans a new API with --dry-run, a stage and a region, and names the API only when the file has several', async () => {
    const [greetings] = await api('get-started/openapi.yaml');
    assert.ok(greetings);
    const args = dryRunArguments({
      file: 'get-started/openapi.yaml',
      api: greetings,
      apisInFile: 1,
      regionSetting: '',
      env: {},
    });
    assert.deepEqual(args, [
      'deploy',
      'get-started/openapi.yaml',
      '--stage',
      'dev',
      '--dry-run',
      '--region',
      'us-east-1',
    ]);
    assert.ok(
      !args.includes('--yes') && !args.includes('--api-id'),
      'a dry run never applies nor reads a deployed API',
    );
    assert.equal(
      displayCommandLine(args),
      'apigw deploy get-started/openapi.yaml --stage dev --dry-run --region us-east-1',
    );
    assert.deepEqual(
      dryRunArguments({ file: 'a b.yaml', api: greetings, apisInFile: 2, regionSetting: 'eu-west-1', env: {} }).slice(
        -4,
      ),
      ['--region', 'eu-west-1', '--api', 'Get Started API'],
    );
    assert.equal(displayCommandLine(['deploy', "it's here.yaml"]), `apigw deploy 'it'\\''s here.yaml'`);
  });

  it('takes the region from the setting, else the SDK variables, else us-east-1', () => {
    assert.equal(dryRunRegion('eu-west-1', { AWS_REGION: 'us-west-2' }), 'eu-west-1');
    assert.equal(dryRunRegion('', { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'ap-south-1' }), 'us-west-2');
    assert.equal(dryRunRegion('', { AWS_DEFAULT_REGION: 'ap-south-1' }), 'ap-south-1');
    assert.equal(dryRunRegion('', {}), 'us-east-1');
  });

  it("names the template's stage when it is a plain name, else dev", async () => {
    const [chat] = await api('chat-websocket/template.yaml');
    assert.ok(chat);
    assert.equal(dryRunStage(chat), 'dev');
    assert.equal(dryRunStage({ ...chat, stage: { name: 'prod', variables: {}, loc: chat.loc } }), 'prod');
    assert.equal(dryRunStage({ ...chat, stage: { name: 'a b', variables: {}, loc: chat.loc } }), 'dev');
    assert.equal(dryRunStage({ ...chat, stage: undefined }), 'dev');
  });

  it('writes line breaks as a terminal needs them', () => {
    assert.equal(terminalText('a\nb\r\nc\n'), 'a\r\nb\r\nc\r\n');
  });
});
