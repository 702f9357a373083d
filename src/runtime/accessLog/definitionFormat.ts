import type { GatewayApi } from '../../model';
import { record } from '../templateValues';

/** Where the access log format of the served stage came from, and the format as written there. */
export interface FormatSource {
  format: unknown;
  /** 'the Stage resource's AccessLogSettings.Format' (for messages). */
  where: string;
}

/**
 * The access log format a SAM / CloudFormation template gives its API's stage: `AccessLogSetting.Format` of the
 * AWS::Serverless::Api itself or of an AWS::ApiGateway::Stage whose RestApiId names it; `AccessLogSettings.Format`
 * of an AWS::Serverless::HttpApi or of an AWS::ApiGatewayV2::Stage whose ApiId names it. With several stages, the
 * one named `stage` (the stage served). `template` is the template as plain values, its parameters resolved
 * (templateParameters.ts), so a `!Sub` of parameters is already a string.
 */
export function definitionAccessLogFormat(
  template: Record<string, unknown>,
  api: GatewayApi,
  stage: string,
): FormatSource | undefined {
  const logicalId = api.source.logicalId;
  if (logicalId === undefined) return undefined;
  const found: Array<FormatSource & { stageName: unknown }> = [];
  for (const [id, resource] of Object.entries(record(template['Resources']))) {
    const r = record(resource);
    const props = record(r['Properties']);
    const type = r['Type'];
    let settings: unknown;
    if (id === logicalId && type === 'AWS::Serverless::Api') settings = props['AccessLogSetting'];
    else if (id === logicalId && type === 'AWS::Serverless::HttpApi') settings = props['AccessLogSettings'];
    else if (type === 'AWS::ApiGateway::Stage' && refersTo(props['RestApiId'], logicalId))
      settings = props['AccessLogSetting'];
    else if (type === 'AWS::ApiGatewayV2::Stage' && refersTo(props['ApiId'], logicalId))
      settings = props['AccessLogSettings'];
    else continue;
    const format = record(settings)['Format'];
    if (format === undefined) continue;
    const property =
      type === 'AWS::ApiGateway::Stage' || type === 'AWS::Serverless::Api' ? 'AccessLogSetting' : 'AccessLogSettings';
    found.push({ format, where: `${id}'s ${property}.Format`, stageName: props['StageName'] });
  }
  const chosen = found.find((f) => f.stageName === stage) ?? found[0];
  return chosen === undefined ? undefined : { format: chosen.format, where: chosen.where };
}

/**
 * The format as a string, or why it is not one. A `Fn::Sub` still holding names after the parameters were
 * resolved refers to resources (`${MyApi}`), which exist only once deployed: its text is used with those names
 * left as written, and the caller warns.
 */
export function formatText(format: unknown): { text: string; unresolved?: string[] } | { problem: string } {
  if (typeof format === 'string') return { text: format };
  const sub = record(format)['Fn::Sub'];
  const text: unknown = Array.isArray(sub) ? (sub as unknown[])[0] : sub;
  if (typeof text === 'string') {
    const names = [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map((m) => m[1]!);
    return { text, unresolved: names };
  }
  return { problem: `is ${JSON.stringify(format)}, not a string` };
}

function refersTo(value: unknown, logicalId: string): boolean {
  return value === logicalId || record(value)['Ref'] === logicalId;
}
