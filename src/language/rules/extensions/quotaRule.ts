import { getProperty } from '../../../model/parse';
import { parsedUtf8Size } from '../../../model/parse/utf8Size';
import type { SourceDocument, SourceNode } from '../../../model/sourceNode';
import type { ValueEdit } from '../../../model/parse/incremental';
import type { Rule, RuleContext } from '../rule';
import { findBodies, operationsOf, securitySchemesOf } from './bodies';
import { keyAt, report } from './values';

/** Default API Gateway quotas (REST and HTTP API quota tables of the developer guide). */
export const quotas = {
  /** HTTP APIs: routes per API (can be increased). */
  httpRoutes: 300,
  /** REST APIs: resources (paths, including every parent path) per API (can be increased). */
  restResources: 300,
  /** Authorizers per API (can be increased through AWS Support). */
  authorizers: 10,
  /** Mapping template size. */
  templateBytes: 300 * 1024,
  /** Size of an OpenAPI definition that can be imported. */
  definitionBytes: 6 * 1024 * 1024,
};

/** Quotas a definition can exceed: routes / resources, authorizers and mapping template sizes. */
export const quotaRule: Rule = {
  id: 'extensions.quotas',
  codes: ['apigw.quota.routes', 'apigw.quota.authorizers', 'apigw.quota.templateSize'],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    const bodies = findBodies(ctx);
    for (const body of bodies) {
      if (body.type === 'WEBSOCKET') continue;
      const operations = operationsOf(ctx, body);
      const paths = keyAt(body.root, 'paths');
      if (body.type === 'HTTP' && operations.length > quotas.httpRoutes) {
        report(
          ctx,
          paths,
          'warning',
          'apigw.quota.routes',
          `This HTTP API has ${operations.length} routes; the default quota is ${quotas.httpRoutes} per API. Request a quota increase or split the API.`,
        );
      }
      const resources = restResources(operations.map((o) => o.path));
      if (body.type === 'REST' && resources > quotas.restResources) {
        report(
          ctx,
          paths,
          'warning',
          'apigw.quota.routes',
          `This REST API has ${resources} resources (paths and their parent paths); the default quota is ${quotas.restResources} per API. Request a quota increase or split the API.`,
        );
      }
      const schemes = securitySchemesOf(ctx, body);
      const authorizers =
        schemes?.properties.filter(
          (p) => getProperty(ctx.resolve(p.value), 'x-amazon-apigateway-authorizer') !== undefined,
        ) ?? [];
      if (authorizers.length > quotas.authorizers && schemes !== undefined) {
        report(
          ctx,
          { file: schemes.file, range: authorizers[quotas.authorizers]?.keyRange ?? schemes.range },
          'warning',
          'apigw.quota.authorizers',
          `This API defines ${authorizers.length} authorizers; the default quota is ${quotas.authorizers} per API. Share authorizers between routes or request an increase.`,
        );
      }
      checkTemplates(ctx, body.root);
    }
  },
};

/** Every distinct path and parent path ('/a/b' counts '/a' and '/a/b'; the root '/' is free). */
function restResources(paths: string[]): number {
  const resources = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) resources.add(parts.slice(0, i).join('/'));
  }
  return resources.size;
}

/** Keys whose values are schemas or example data, where API Gateway reads no mapping template. */
const NO_TEMPLATES = new Set(['schemas', 'definitions', 'schema', 'properties', 'examples', 'example']);

/**
 * Mapping templates over 300 KB, in `requestTemplates` / `responseTemplates` anywhere in the body but schemas and
 * examples (most of a big definition: skipping them took this walk from 3 % of validating GitHub's to nothing).
 */
function checkTemplates(ctx: RuleContext, node: SourceNode): void {
  if (node.kind === 'array') node.items.forEach((item) => checkTemplates(ctx, item));
  if (node.kind !== 'object') return;
  for (const { key, value } of node.properties) {
    if (NO_TEMPLATES.has(key)) continue;
    if ((key === 'requestTemplates' || key === 'responseTemplates') && value.kind === 'object') {
      for (const template of value.properties) {
        const text =
          template.value.kind === 'scalar' && typeof template.value.value === 'string' ? template.value.value : '';
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > quotas.templateBytes) {
          report(
            ctx,
            { file: value.file, range: template.keyRange },
            'error',
            'apigw.quota.templateSize',
            `The mapping template for '${template.key}' is ${Math.ceil(bytes / 1024)} KB; API Gateway accepts templates of at most 300 KB. Move logic into the backend or shorten the template.`,
          );
        }
      }
    }
    checkTemplates(ctx, value);
  }
}

/**
 * The size of the whole definition. A rule of its own because it reads the document's text, not its nodes: it
 * runs again after every edit, while the other quotas are kept when the edit did not touch what they read.
 * After a one-value edit the size is the previous one plus the edited value's change (counting the UTF-8 bytes of
 * a 4 MB text took 4 ms of every edit).
 */
export const definitionSizeRule: Rule = {
  id: 'extensions.definitionSize',
  codes: ['apigw.quota.definitionSize'],
  check(ctx) {
    checkSize(ctx, utf8Size(ctx.document));
  },
  checkAfterEdit(ctx, previous, edit) {
    const size = sizeAfterEdit(ctx.document, previous as SizeState | undefined, edit);
    checkSize(ctx, size);
    const state: SizeState = { text: ctx.document.text, bytes: size };
    return state;
  },
};

interface SizeState {
  text: string;
  bytes: number;
}

/** The UTF-8 size of a document's text: its parser's count (strict JSON), else counted here. */
function utf8Size(document: Pick<SourceDocument, 'text'>): number {
  return parsedUtf8Size(document) ?? Buffer.byteLength(document.text, 'utf8');
}

/**
 * The UTF-8 size of a document's text, from the previous version's when `edit` is known: only the edited
 * scalar's source differs (it starts at the same offset in both texts and is `delta` characters longer now).
 */
export function sizeAfterEdit(
  document: Pick<SourceDocument, 'text'>,
  previous: SizeState | undefined,
  edit: ValueEdit | undefined,
): number {
  const text = document.text;
  if (previous === undefined || edit === undefined || previous.text.length + edit.delta !== text.length)
    return utf8Size(document);
  const { offset, length } = edit.scalar;
  const before = previous.text.slice(offset, offset + length - edit.delta);
  const after = text.slice(offset, offset + length);
  return previous.bytes - Buffer.byteLength(before, 'utf8') + Buffer.byteLength(after, 'utf8');
}

function checkSize(ctx: RuleContext, size: number): void {
  const root = ctx.document.root;
  if (size > quotas.definitionBytes && root !== undefined && findBodies(ctx).some((b) => b.root === root)) {
    const start = { line: 0, character: 0 };
    report(
      ctx,
      { file: ctx.document.file, range: { start, end: start } },
      'error',
      'apigw.quota.definitionSize',
      `This definition is ${megabytes(size)}; API Gateway imports definitions of at most 6 MB. Split it into several APIs or remove unused schemas and examples.`,
    );
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
