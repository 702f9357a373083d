import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Block, ReferenceNode, TemplateAst } from '../ast';
import { compileTemplate, renderTemplate } from '../render';
import type { TemplateContext, TemplateRequest } from '../templateContext';
import type { CheckContext } from './checkContext';
import { sampleFromSchema, sampleParameter } from './sample';
import { walkBlock } from './walk';
import { dictOf } from '../../shared/dict';

const phrases: Record<string, string> = dictOf({
  ValueExpected: 'a value is missing',
  CommaExpected: 'a comma is missing',
  ColonExpected: 'a colon is missing',
  PropertyNameExpected: 'a property name (in double quotes) is expected',
  CloseBraceExpected: "a '}' is missing",
  CloseBracketExpected: "a ']' is missing",
  EndOfFileExpected: 'there is text after the JSON value',
  InvalidSymbol: 'there is text that is not JSON',
  InvalidNumberFormat: 'a number is malformed',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidCharacter: 'a string holds a control character (a raw line break or tab)',
  InvalidEscapeCharacter: 'a string holds an invalid escape',
  InvalidCommentToken: 'there is a comment, which JSON does not allow',
});

const isJsonType = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());

/** Does the template read the payload (`$input.body`, `$input.json`, `$input.path`)? */
function readsBody(body: Block): boolean {
  let found = false;
  walkBlock(body, {
    reference(node: ReferenceNode) {
      const first = node.accessors[0];
      if (node.name === 'input' && first !== undefined && first.kind !== 'index' && first.name !== 'params')
        found = true;
    },
  });
  return found;
}

/** The sample request (and integration response) the template is rendered with. */
function sampleContext(ctx: CheckContext, body: string): TemplateContext {
  const options = ctx.options;
  const params: Record<'path' | 'query' | 'header', Record<string, string>> = { path: {}, query: {}, header: {} };
  for (const p of options.parameters ?? []) {
    if (p.in === 'path' || p.in === 'query' || p.in === 'header') params[p.in][p.name] = sampleParameter(p.schema);
  }
  const request: TemplateRequest = {
    method: 'POST',
    path: '/',
    headers: { ...(options.contentType ? { 'Content-Type': options.contentType } : {}), ...params.header },
    pathParameters: params.path,
    queryStringParameters: params.query,
    stageVariables: options.stageVariables ?? {},
    context: {
      error: {
        message: 'Sample error',
        messageString: '"Sample error"',
        responseType: 'DEFAULT_4XX',
        validationErrorString: 'Sample validation error',
      },
    },
  };
  const context: TemplateContext = { request, apiType: options.apiType === 'WEBSOCKET' ? 'WEBSOCKET' : 'REST' };
  if (options.kind === 'response') context.integrationResponse = { statusCode: 200, body };
  else request.body = body;
  return context;
}

/**
 * Renders a JSON template with a sample payload built from the model and reports where its output stops
 * being JSON. Without a model, a template that reads the payload is not rendered (a guess would mislead).
 */
export function checkJsonOutput(ctx: CheckContext, ast: TemplateAst): void {
  const options = ctx.options;
  if (options.checkOutput === false || (options.checkOutput !== true && !isJsonType(options.contentType))) return;
  const hasModel = options.bodySchema !== undefined && options.kind !== 'gatewayResponse';
  if (!hasModel && readsBody(ast.body)) return;
  const compiled = compileTemplate(ctx.text);
  if (!compiled.ok) return;
  const body = hasModel ? JSON.stringify(sampleFromSchema(options.bodySchema)) : '{}';
  const result = renderTemplate(compiled.template, sampleContext(ctx, body), {
    limits: { timeMs: 250, steps: 200_000, outputSize: 1024 * 1024 },
  });
  if (result.errors.length > 0 || result.output.trim() === '') return;
  const errors: ParseError[] = [];
  parse(result.output, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const first = errors[0];
  if (first === undefined) return;
  reportBreak(ctx, ast, result.output, first, hasModel);
}

function reportBreak(ctx: CheckContext, ast: TemplateAst, output: string, error: ParseError, hasModel: boolean): void {
  const at = Math.min(error.offset, output.length);
  const before = output.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const lineText = (output.split('\n')[line - 1] ?? '').trim();
  const excerpt = lineText.length > 60 ? `${lineText.slice(0, 57)}...` : lineText;
  const place = locateInTemplate(ctx.text, output, at);
  const reference = place === undefined ? undefined : referenceAt(ast.body, ctx.text, place);
  const start = reference?.start ?? place ?? 0;
  const firstLineEnd = ctx.text.indexOf('\n') < 0 ? ctx.text.length : ctx.text.indexOf('\n');
  const end = reference?.end ?? (place === undefined ? firstLineEnd : place + 1);
  ctx.report(
    'apigw.vtl.invalidJsonOutput',
    'warning',
    `This application/json template renders invalid JSON for a sample ${ctx.options.kind === 'response' ? 'response' : 'request'}${hasModel ? ' built from the model' : ''}: ` +
      `${phrases[printParseErrorCode(error.error)] ?? 'the JSON breaks'} at output line ${line}, column ${column} (${JSON.stringify(excerpt)}). ` +
      'Quote string values ("$value"), separate items with #if($foreach.hasNext),#end, and give values that may be missing a default.',
    start,
    Math.max(start + 1, end),
  );
}

/**
 * Where in the template the output at `at` was produced, found by the longest stretch of output just before
 * `at` that is also written in the template (the literal text before the break); undefined when none is.
 */
export function locateInTemplate(template: string, output: string, at: number): number | undefined {
  for (let length = Math.min(at, 120); length >= 3; length--) {
    const piece = output.slice(at - length, at);
    const found = template.indexOf(piece);
    if (found < 0) continue;
    return found + length;
  }
  return undefined;
}

/** The outermost reference at `offset` (blanks skipped): what rendered where the JSON breaks, if any. */
function referenceAt(body: Block, text: string, offset: number): ReferenceNode | undefined {
  let p = offset;
  while (text[p] === ' ' || text[p] === '\t') p++;
  let found: ReferenceNode | undefined;
  walkBlock(body, {
    reference(node) {
      if (found === undefined && node.start <= p && p < node.end) found = node;
    },
  });
  return found;
}
