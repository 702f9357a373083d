import type { GatewayApi } from '../../model';
import type { RuntimeConfig } from '../config';
import { definitionAccessLogFormat, formatText } from './definitionFormat';
import { clfFormats, compileAccessLogFormat, type AccessLogFormat } from './format';

/** The served stage's access log format, where it came from, and what loading it warned about. */
export interface StageAccessLog {
  format: AccessLogFormat;
  /** 'apigw.config.json "accessLogFormat"', "Stage's AccessLogSettings.Format", 'CLF (no format given)'. */
  source: string;
  warnings: string[];
}

/**
 * The access log format of the stage the mock serves: apigw.config.json's `"accessLogFormat"` (the local
 * override, as its method settings override the definition's), else the definition's stage
 * (definitionFormat.ts), else the console's CLF preset for the API type. A format that cannot be used (empty,
 * with a line break) falls back to CLF, and the warning says why; so does one that is not a string.
 */
export function stageAccessLog(
  template: Record<string, unknown> | undefined,
  api: GatewayApi,
  stage: string,
  config: RuntimeConfig,
): StageAccessLog {
  const warnings: string[] = [];
  let candidate: { text: string; source: string } | undefined;
  if (config.accessLogFormat !== undefined) {
    candidate = { text: config.accessLogFormat, source: `${config.file ?? 'apigw.config.json'} "accessLogFormat"` };
  } else if (template !== undefined) {
    const found = definitionAccessLogFormat(template, api, stage);
    if (found !== undefined) {
      const text = formatText(found.format);
      if ('problem' in text) warnings.push(`${found.where} ${text.problem}: the mock's access log uses CLF.`);
      else {
        candidate = { text: text.text, source: found.where };
        if (text.unresolved !== undefined && text.unresolved.length > 0)
          warnings.push(
            `${found.where} refers to ${text.unresolved.map((n) => `\${${n}}`).join(', ')}, which only a deployed stack can fill: the mock's access log prints ${text.unresolved.length === 1 ? 'it' : 'them'} as written.`,
          );
      }
    }
  }
  if (candidate !== undefined) {
    const compiled = compileAccessLogFormat(candidate.text, api.type);
    warnings.push(...compiled.warnings.map((w) => `${candidate.source}: ${w}`));
    if (compiled.ok) return { format: compiled.format, source: candidate.source, warnings };
    warnings.push(`${candidate.source}: ${compiled.message} The mock's access log uses CLF until it is fixed.`);
  }
  return { format: clfFormat(api.type), source: 'CLF (no format given)', warnings };
}

const clfCache = new Map<string, AccessLogFormat>();

/** The console's CLF preset for an API type, compiled once. */
export function clfFormat(type: GatewayApi['type']): AccessLogFormat {
  let format = clfCache.get(type);
  if (format === undefined) {
    const compiled = compileAccessLogFormat(clfFormats[type], type);
    if (!compiled.ok) throw new Error(`The ${type} CLF preset does not compile: ${compiled.message}`);
    format = compiled.format;
    clfCache.set(type, format);
  }
  return format;
}
