import path from 'node:path';
import { parseSource, readDefinitionText, readParsedDefinition, type GatewayApi } from '../model';
import { formatDiagnostic } from '../shared/diagnostic';
import type { FileSystem } from '../shared/fileSystem';
import { loadConfig } from './config';
import type { CheckResponsesMode } from './contract/mode';
import { definitionStageSettings } from './definitionSettings';
import { stageAccessLog } from './accessLog/stageFormat';
import { samHandlers } from './samFunctions';
import { servedPolicy } from './iam/routeAuth';
import { jwtLoadWarnings } from './stages/jwt';
import { modelProblems } from './stages/validation';
import { resolveTemplateParameters } from './templateParameters';
import { templateValue } from './templateValues';
import type { ServedApi } from './types';
import { dict } from '../shared/dict';

export interface LoadOptions {
  /** The definition file (absolute). */
  file: string;
  fs: FileSystem;
  /** The definition's text when it is not to be read from disk (an unsaved editor, a test scenario). */
  text?: string;
  /** `--config` (absolute); default: apigw.config.json beside the definition. */
  configFile?: string;
  /** Stage name; default the definition's stage, else `local`. */
  stage?: string;
  /** Which API of the file to serve (by name); default the first REST or HTTP API. */
  apiName?: string;
  /** How responses are checked against the definition, over the config's `checkResponses` (`--check-responses`). */
  checkResponses?: CheckResponsesMode;
}

export type LoadResult = { ok: true; served: ServedApi; warnings: string[] } | { ok: false; message: string };

/**
 * Reads the definition and its config into the API to serve, or says why it cannot be served. A SAM /
 * CloudFormation template is read with its parameters at their `Default` (templateParameters.ts): the stage
 * name, stage variables, integration URIs, authorizer issuers, handlers and stage settings as a stack created
 * without parameter values would have them.
 */
export async function loadServedApi(options: LoadOptions): Promise<LoadResult> {
  const { file, fs } = options;
  let text = options.text;
  if (text === undefined) {
    const read = await readDefinitionText(file, { fs });
    if (!read.ok) return { ok: false, message: formatDiagnostic(file, read.failure.error) };
    text = read.text;
  }
  const template = resolveTemplateParameters(parseSource(file, text));
  const read = (await readParsedDefinition(template.doc, { fs })).result;
  if (!read.ok) return { ok: false, message: formatDiagnostic(file, read.failure.error) };
  const syntax = read.definition.problems.find((p) => p.severity === 'error' && p.code.startsWith('apigw.parse.'));
  if (syntax !== undefined) return { ok: false, message: formatDiagnostic(file, syntax) };
  const api = pickApi(read.definition.apis, options.apiName);
  if (typeof api === 'string') return { ok: false, message: `${path.basename(file)}: ${api}` };
  const config = await loadConfig(file, fs, options.configFile);
  if (!config.ok) return { ok: false, message: config.message };
  if (options.checkResponses !== undefined) config.config.checkResponses = options.checkResponses;
  const values = read.definition.kind === 'cloudformation' ? templateValue(template.doc.root) : undefined;
  if (values !== undefined) {
    config.config.lambdaHandlers = Object.assign(dict(), samHandlers(file, values), config.config.lambdaHandlers);
    const settings = definitionStageSettings(values, api);
    if (settings.methodSettings.length > 0)
      config.config.methodSettings = [...settings.methodSettings, ...(config.config.methodSettings ?? [])];
    if (settings.cacheClusterEnabled === true) config.config.cacheClusterEnabled ??= true;
  }
  const stageVariables: Record<string, string> = dict();
  for (const [k, v] of Object.entries(api.stage?.variables ?? {})) if (typeof v === 'string') stageVariables[k] = v;
  Object.assign(stageVariables, config.config.stageVariables);
  const definedStage = typeof api.stage?.name === 'string' ? api.stage.name : undefined;
  const stage = options.stage ?? definedStage ?? 'local';
  const warnings = read.definition.apis
    .filter((a) => a !== api)
    .map((a) => `${path.basename(file)} also declares ${a.name} (${a.type}): serve it with --api "${a.name}".`);
  warnings.push(...modelProblems(api));
  for (const name of template.withoutDefault) {
    warnings.push(
      `${path.basename(file)}: the template parameter ${name} has no Default, so what refers to it (!Ref ${name}, \${${name}}) stays unresolved in the mock: give it a Default.`,
    );
  }
  warnings.push(...jwtLoadWarnings(api, config.config));
  const accessLog = stageAccessLog(values, api, stage, config.config);
  warnings.push(...accessLog.warnings);
  const policy = servedPolicy(api, config.config);
  if (!policy.ok) return { ok: false, message: `${path.basename(file)}: ${policy.message}` };
  warnings.push(...policy.warnings);
  const served: ServedApi = { api, file, stage, stageVariables, config: config.config, accessLog: accessLog.format };
  if (policy.policy !== undefined) served.policy = policy.policy;
  return { ok: true, served, warnings };
}

function pickApi(apis: GatewayApi[], name: string | undefined): GatewayApi | string {
  if (name !== undefined) {
    return (
      apis.find((a) => a.name === name) ??
      `no API named '${name}' (found: ${apis.map((a) => a.name).join(', ') || 'none'}).`
    );
  }
  // REST and HTTP APIs first (the editor's Invoke panel speaks HTTP), else the first WebSocket API.
  const api = apis.find((a) => a.type !== 'WEBSOCKET') ?? apis[0];
  return api ?? 'it declares no API.';
}
