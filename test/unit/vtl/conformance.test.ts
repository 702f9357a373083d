import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compileTemplate, renderTemplate, type RenderOptions, type TemplateContext } from '../../../src/vtl';
import { parseRenderEvent } from '../../../src/vtl/renderEvent';
import { conformanceFiles, readConformanceCase } from './conformanceFixture';
import { plain } from '../helpers/plain';

describe('VTL conformance fixtures (test/fixtures/vtl/*.txt)', () => {
  const files = conformanceFiles();

  it('has cases to run', () => {
    assert.ok(files.length >= 40, `only ${files.length} fixtures`);
  });

  for (const file of files) {
    const c = readConformanceCase(file);
    it(`${path.basename(file, '.txt')}: ${c.description.split('\n')[0]}`, () => {
      assert.match(
        c.source,
        /^(https:\/\/\S+|Velocity 1\.7|Recorded)/m,
        'the source names a documentation page or recorded behaviour',
      );
      let context: TemplateContext = { request: {} };
      if (c.event !== undefined) {
        const event = parseRenderEvent(c.event);
        if (!event.ok) assert.fail(`bad event: ${event.message}`);
        context = event.context;
      }
      const options = (c.options ? JSON.parse(c.options) : {}) as RenderOptions & { apiType?: 'REST' | 'WEBSOCKET' };
      if (options.apiType) context.apiType = options.apiType;
      const compiled = compileTemplate(c.template);
      if (!compiled.ok) assert.fail(`syntax error: ${JSON.stringify(compiled.errors)}`);
      const result = renderTemplate(compiled.template, context, options);
      assert.deepEqual(result.errors, []);
      assert.equal(result.output, c.expected);
      if (c.overrides !== undefined) {
        const expected = JSON.parse(c.overrides) as Record<string, Record<string, unknown>>;
        for (const [side, values] of Object.entries(expected)) {
          const actual = result.overrides[side as keyof typeof result.overrides] as Record<string, unknown>;
          for (const [key, value] of Object.entries(values))
            assert.deepEqual(plain(actual[key]), value, `${side}.${key}`);
        }
      }
    });
  }
});
