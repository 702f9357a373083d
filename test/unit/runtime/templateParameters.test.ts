// CloudFormation parameters at their Default wherever the mock reads a template. Sources: AWS CloudFormation
// "Parameters" (Default: "A value of the appropriate type for the template to use if no value is specified when a
// stack is created", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html),
// "Ref" (a parameter's logical name "returns the value of the parameter"), "Fn::Sub" and "Fn::Join".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSource } from '../../../src/model';
import { toValue } from '../../../src/model/parse';
import { resolveTemplateParameters } from '../../../src/runtime/templateParameters';
import { loadServedApi } from '../../../src/runtime/loadApi';
import type { FileSystem } from '../../../src/shared/fileSystem';

const file = '/virtual/template.yaml';

function resolved(text: string): { value: Record<string, unknown>; withoutDefault: string[] } {
  const result = resolveTemplateParameters(parseSource(file, text));
  return { value: toValue(result.doc.root) as Record<string, unknown>, withoutDefault: result.withoutDefault };
}

/** A file system holding one template (and no config). */
function oneFile(text: string): FileSystem {
  return {
    readFile: (p) =>
      p === file
        ? Promise.resolve(Buffer.from(text))
        : Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })),
    size: (p) => Promise.resolve(p === file ? Buffer.byteLength(text) : undefined),
  };
}

const template = (parameters: string, properties: string): string =>
  [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    parameters,
    'Resources:',
    '  Thing:',
    '    Type: AWS::SNS::Topic',
    '    Properties:',
    properties,
  ].join('\n');

describe('template parameters at their Default', () => {
  it('replaces !Ref to a parameter by its Default, keeping numbers, lists and resource references', () => {
    const { value, withoutDefault } = resolved(
      template(
        [
          '  Stage: {Type: String, Default: dev}',
          '  Rate: {Type: Number, Default: 10}',
          '  Origins: {Type: CommaDelimitedList, Default: "a.example, b.example"}',
          '  Secret: {Type: String}',
        ].join('\n'),
        [
          '      A: !Ref Stage',
          '      B: !Ref Rate',
          '      C: !Ref Origins',
          '      D: !Ref Thing',
          '      E: !Ref Secret',
          '      F: !Ref AWS::Region',
          '      G: {Ref: AWS::AccountId}',
        ].join('\n'),
      ),
    );
    const props = (value['Resources'] as Record<string, { Properties: Record<string, unknown> }>)['Thing']!.Properties;
    assert.deepEqual(props, {
      A: 'dev',
      B: 10,
      C: ['a.example', 'b.example'],
      D: { Ref: 'Thing' },
      E: { Ref: 'Secret' },
      F: 'us-east-1',
      G: '123456789012',
    });
    assert.deepEqual(withoutDefault, ['Secret']);
  });

  it('fills Fn::Sub with parameters (both forms), keeps ${!Literal} and what only exists once deployed', () => {
    const { value } = resolved(
      template(
        '  Host: {Type: String, Default: api.example.com}',
        [
          "      A: !Sub 'https://${Host}/v1'",
          "      B: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations'",
          "      C: !Sub ['${Scheme}://${Host}', {Scheme: https}]",
          "      D: !Sub ['${Scheme}://${Host}', {Scheme: !GetAtt Thing.Arn}]",
          "      E: !Sub 'literal ${!Host}'",
        ].join('\n'),
      ),
    );
    const props = (value['Resources'] as Record<string, { Properties: Record<string, unknown> }>)['Thing']!.Properties;
    assert.equal(props['A'], 'https://api.example.com/v1');
    assert.deepEqual(props['B'], {
      'Fn::Sub': 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
    });
    assert.equal(props['C'], 'https://api.example.com');
    assert.deepEqual(props['D'], {
      'Fn::Sub': ['${Scheme}://api.example.com', { Scheme: { 'Fn::GetAtt': ['Thing', 'Arn'] } }],
    });
    assert.equal(props['E'], 'literal ${Host}');
  });

  it('joins a Fn::Join of plain strings, and keeps one with a resource attribute', () => {
    const { value } = resolved(
      template(
        '  Host: {Type: String, Default: api.example.com}',
        ["      A: !Join ['', ['https://', !Ref Host, '/v1']]", "      B: !Join ['/', [!GetAtt Thing.Arn, x]]"].join(
          '\n',
        ),
      ),
    );
    const props = (value['Resources'] as Record<string, { Properties: Record<string, unknown> }>)['Thing']!.Properties;
    assert.equal(props['A'], 'https://api.example.com/v1');
    assert.deepEqual(props['B'], { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['Thing', 'Arn'] }, 'x']] });
  });

  it('leaves a bare OpenAPI document as it is', () => {
    const doc = parseSource('/virtual/openapi.yaml', 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\n');
    assert.equal(resolveTemplateParameters(doc).doc, doc);
  });

  it('serves the stage a parameter names, and says which parameters have no Default', async () => {
    const text = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  StageName: {Type: String, Default: dev}',
      '  Token: {Type: String}',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: !Ref StageName',
      '      Variables: {token: !Ref Token}',
      '      DefinitionBody:',
      '        openapi: 3.0.1',
      "        info: {title: Params, version: '1'}",
      '        paths: {}',
    ].join('\n');
    const loaded = await loadServedApi({ file, fs: oneFile(text) });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
    assert.equal(loaded.served.stage, 'dev');
    assert.equal(loaded.served.stageVariables['token'], undefined);
    assert.ok(
      loaded.warnings.some((w) => w.includes('the template parameter Token has no Default')),
      loaded.warnings.join('\n'),
    );
  });
});
