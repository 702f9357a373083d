import path from 'node:path';
import type { Diagnostic } from '../../shared/diagnostic';
import type { SourceDocument, SourceNode } from '../sourceNode';
import type { DefinitionFile, GatewayApi, ReadOptions } from '../gatewayApi';
import { decideApiType } from '../apiType';
import { getProperty, keyLocOf } from '../parse';
import type { SourceSet } from '../parse';
import type { BuildContext } from './context';
import type { BuiltApi } from './builtApi';
import { buildTemplateApis, buildTemplateApisNow, isTemplate } from './cloudformation';
import { buildOpenApi, openApiVersionOf } from './openapi';

/** What a parsed root turned out to be: a definition, or why it is not one (message and where). */
export type BuildOutcome =
  { ok: true; definition: DefinitionFile } | { ok: false; message: string; range: Diagnostic['range'] };

/** Builds every API of a parsed document whose root is a mapping. */
export async function buildDefinition(
  doc: SourceDocument,
  root: SourceNode,
  set: SourceSet,
  options: ReadOptions,
): Promise<BuildOutcome> {
  const ctx: BuildContext = { set, problems: [] };
  const version = openApiVersionOf(root);
  if (version === undefined && isTemplate(root)) {
    return templateOutcome(doc, root, ctx, await buildTemplateApis(ctx, root), options);
  }
  return documentOutcome(doc, root, ctx, version, options);
}

/**
 * buildDefinition without waiting: the same outcome, or undefined when the document is a template with an API
 * whose body is in another file, which must be loaded (then use buildDefinition).
 */
export function buildDefinitionNow(
  doc: SourceDocument,
  root: SourceNode,
  set: SourceSet,
  options: ReadOptions,
): BuildOutcome | undefined {
  const ctx: BuildContext = { set, problems: [] };
  const version = openApiVersionOf(root);
  if (version === undefined && isTemplate(root)) {
    const built = buildTemplateApisNow(ctx, root);
    return built && templateOutcome(doc, root, ctx, built, options);
  }
  return documentOutcome(doc, root, ctx, version, options);
}

/** An OpenAPI or Swagger document's API, or why a root that is no template is not an API definition. */
function documentOutcome(
  doc: SourceDocument,
  root: SourceNode,
  ctx: BuildContext,
  version: ReturnType<typeof openApiVersionOf>,
  options: ReadOptions,
): BuildOutcome {
  const base = path.basename(doc.file);
  if (version === undefined) {
    return {
      ok: false,
      message: `${base} is not an API definition: it has no 'openapi' or 'swagger' field and no CloudFormation 'Resources' with an API Gateway API.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
  }
  const api = buildOpenApi(ctx, root, { fallbackName: base, source: { kind: version.kind } });
  typed(api, decideApiType(api, { override: options.apiType, root }));
  return definitionOf(doc, ctx, version.kind, [api]);
}

function templateOutcome(
  doc: SourceDocument,
  root: SourceNode,
  ctx: BuildContext,
  built: BuiltApi[],
  options: ReadOptions,
): BuildOutcome {
  if (built.length === 0) return noApiInTemplate(path.basename(doc.file), root);
  const apis = built.map(({ api, evidence }) =>
    typed(api, decideApiType(api, { ...evidence, override: options.apiType })),
  );
  return definitionOf(doc, ctx, 'cloudformation', apis);
}

function definitionOf(
  doc: SourceDocument,
  ctx: BuildContext,
  kind: DefinitionFile['kind'],
  apis: GatewayApi[],
): BuildOutcome {
  const problems = dedupe([...doc.problems, ...ctx.set.problems, ...ctx.problems]);
  return { ok: true, definition: { file: doc.file, format: doc.format, kind, apis, problems } };
}

function typed(api: GatewayApi, decision: { type: GatewayApi['type']; reason: string }): GatewayApi {
  api.type = decision.type;
  api.typeReason = decision.reason;
  return api;
}

function noApiInTemplate(base: string, root: SourceNode): BuildOutcome {
  const resources = getProperty(root, 'Resources');
  const at = resources !== undefined && root.kind === 'object' ? keyLocOf(root, 'Resources')?.range : undefined;
  return {
    ok: false,
    message:
      `${base} is a CloudFormation template but not an API definition: none of its Resources is an ` +
      'AWS::Serverless::Api, AWS::Serverless::HttpApi, AWS::ApiGateway::RestApi or AWS::ApiGatewayV2::Api, ' +
      'and no AWS::Serverless::Function has an Api or HttpApi event.',
    range: at
      ? { start: at.start, end: at.start }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function dedupe(problems: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return problems.filter((d) => {
    const key = `${d.file ?? ''}|${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
