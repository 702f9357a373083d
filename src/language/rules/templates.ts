import type { GatewayApi, Route } from '../../model';
import { getProperty } from '../../model/parse';
import type { SourceDocument, SourceNode } from '../../model/sourceNode';
import type { Diagnostic } from '../../shared/diagnostic';
import { checkTemplate, templateCheckCodes, type TemplateCheckOptions } from '../../vtl/check';
import { findEmbeddedTemplates, mapEmbeddedTemplate, type EmbeddedTemplate } from '../../vtl/embedded';
import type { Rule, RuleContext } from './rule';
import { dict } from '../../shared/dict';

/**
 * Every mapping template of the definition (integration request / response templates, gateway responses,
 * WebSocket `RequestTemplates` / `ResponseTemplates`) is checked by the template checker, with the method's
 * request model for request templates, and each diagnostic is placed on the exact characters in the file.
 *
 * Response templates are not checked against the method response model: there `$input` is the integration's
 * response (the backend's payload), not what the method returns, so the model says nothing about its paths.
 */
export const templatesRule: Rule = {
  id: 'templates',
  codes: templateCheckCodes,
  reuse: 'tracked',
  check(context) {
    for (const api of context.definition?.apis ?? []) {
      for (const embedded of findEmbeddedTemplates(api)) checkEmbedded(context, api, embedded);
    }
  },
};

function checkEmbedded(context: RuleContext, api: GatewayApi, embedded: EmbeddedTemplate<Route>): void {
  const { template } = embedded;
  const sameFile = template.loc.file === context.document.file;
  const host = sameFile ? context.document : context.sources.documents.get(template.loc.file);
  if (host === undefined) return;
  const mapping = mapEmbeddedTemplate(host, template);
  const substituted = mapping.text !== template.text;
  const options = optionsFor(context, api, embedded);
  if (substituted) options.checkOutput = false; // CloudFormation fills `${Name}` in: the real text is unknown
  for (const found of checkTemplate(mapping.text, options)) {
    const diagnostic: Diagnostic = { ...found, range: mapping.toDocument(found.range) };
    if (!mapping.exact) {
      const { line, character } = found.range.start;
      diagnostic.message = `Template line ${line + 1}, column ${character + 1}: ${found.message}`;
    }
    if (!sameFile) diagnostic.file = template.loc.file;
    context.report(diagnostic);
  }
}

function optionsFor(context: RuleContext, api: GatewayApi, embedded: EmbeddedTemplate<Route>): TemplateCheckOptions {
  const options: TemplateCheckOptions = {
    kind: embedded.kind,
    apiType: api.type,
    contentType: embedded.template.contentType,
  };
  const route = embedded.route;
  if (route !== undefined) options.parameters = route.parameters;
  if (route !== undefined && api.type === 'WEBSOCKET') options.routeKey = route.path;
  const variables = api.stage?.variables ?? {};
  const stageVariables: Record<string, string> = dict();
  for (const [name, value] of Object.entries(variables)) if (typeof value === 'string') stageVariables[name] = value;
  options.stageVariables = stageVariables;
  if (embedded.kind === 'request' && route?.requestBody?.schemas && api.type !== 'WEBSOCKET') {
    const wanted = embedded.template.contentType.toLowerCase();
    const entry = Object.entries(route.requestBody.schemas).find(([type]) => type.toLowerCase() === wanted);
    if (entry !== undefined) {
      options.bodySchema = entry[1];
      const name = modelName(context, route, entry[0]);
      if (name !== undefined) options.schemaName = name;
    }
  }
  return options;
}

/** The model's name when the body schema is a `$ref` (`#/components/schemas/Pet` → `Pet`). */
function modelName(context: RuleContext, route: Route, contentType: string): string | undefined {
  const body = route.requestBody;
  if (body === undefined || body.loc.file !== context.document.file) return undefined;
  const node = context.resolve(nodeAt(context.document, body.loc.pointer));
  const media = context.resolve(getProperty(getProperty(node, 'content'), contentType));
  const schema = getProperty(media, 'schema') ?? getProperty(node, 'schema');
  const ref = getProperty(schema, '$ref');
  if (ref?.kind !== 'scalar' || typeof ref.value !== 'string') return undefined;
  const name = ref.value.split('/').pop();
  return name === undefined || name === ''
    ? undefined
    : decodeURIComponent(name.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAt(document: SourceDocument, pointer: string): SourceNode | undefined {
  let node = document.root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.kind === 'array') node = node.items[Number(key)];
    else node = getProperty(node, key);
  }
  return node;
}
