// API Gateway's import warnings and errors, placed on the definition where they point. AWS writes them as text:
//   REST  "Warnings found during import:\n\tParse issue: attribute paths.'/pets'(get).x-amazon-apigateway-integration.type is missing"
//         "Errors found during import:\n- Unable to put integration on 'GET' for resource at path '/pets': Invalid function ARN or invalid uri"
//         "Invalid format for 'requestParameters'. Expected type string for property '…' of resource '/test' and method 'GET' but got 'true'"
//         "Unable to create Authorizer 'MyJwtAuthorizer': Caught exception when connecting to …"
//   HTTP  "Parse issue: attribute paths. Resource $default should start with /", "… at paths./pets.get …"
// Each item is put at the operation, scheme, model or key it names; where none can be found, at the top of the file.
import type { Diagnostic } from '../../shared/diagnostic';
import type { ImportFinding } from '../types';
import type { DeploySource, SourceRef } from './types';

export const importWarningCode = 'apigw.deploy.importWarning';
export const importErrorCode = 'apigw.deploy.importError';
export const importInfoCode = 'apigw.deploy.importInfo';

type Kind = 'error' | 'warning' | 'info';

/** Findings for what API Gateway said: warnings of a successful import, ImportInfo, or the text of a refused import. */
export function importFindings(
  messages: readonly string[],
  kind: Kind,
  source: Pick<DeploySource, 'file' | 'locate' | 'locateKey'>,
): ImportFinding[] {
  const findings: ImportFinding[] = [];
  for (const message of messages) {
    for (const item of splitItems(message)) findings.push(findingFor(item, kind, source));
  }
  return findings;
}

/** The items of one AWS message: its header ("Warnings found during import:") and request details removed. */
export function splitItems(message: string): string[] {
  const body = message.replace(/\s*\(Service: [^)]*\)\s*$/, '').replace(/\s*\(RequestToken: [^)]*\)\s*$/, '');
  const items: string[] = [];
  for (const rawLine of body.split(/\r?\n/)) {
    let line = rawLine.replace(/^[\s\-*•]+/, '').trim();
    const header = /^(?:Warnings|Errors) found during import:\s*/i.exec(line);
    if (header !== null) line = line.slice(header[0].length);
    if (line === '') continue;
    // Several items on one line: split before each "Unable to …" / "Parse issue: …" after the first.
    for (const part of line.split(/(?<=\S)\s*(?:;|,)?\s+(?=(?:Unable to |Parse issue: ))/)) {
      if (part.trim() !== '') items.push(part.trim());
    }
  }
  return items.length > 0 ? items : [message.trim()];
}

function findingFor(
  item: string,
  kind: Kind,
  source: Pick<DeploySource, 'file' | 'locate' | 'locateKey'>,
): ImportFinding {
  const place = placeOf(item, source);
  const severity: Diagnostic['severity'] = kind === 'error' ? 'error' : kind === 'warning' ? 'warning' : 'information';
  const code = kind === 'error' ? importErrorCode : kind === 'warning' ? importWarningCode : importInfoCode;
  const prefix =
    kind === 'error'
      ? 'API Gateway refused the import'
      : kind === 'warning'
        ? 'API Gateway import warning'
        : 'API Gateway ignored this on import';
  const message = `${prefix}: ${item}${place === undefined ? ' (API Gateway did not say where, or it is not in this file)' : ''}`;
  const ref: SourceRef = place ?? {
    file: source.file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return {
    severity: kind === 'error' ? 'error' : 'warning',
    awsMessage: item,
    diagnostic: { range: ref.range, severity, code, message, file: ref.file },
  };
}

const METHOD = '(get|put|post|delete|options|head|patch|any|x-amazon-apigateway-any-method)';

/** Where an item points, by the first pattern that names a place the definition has. */
export function placeOf(item: string, source: Pick<DeploySource, 'locate' | 'locateKey'>): SourceRef | undefined {
  // paths.'/pets'(get).x-amazon-apigateway-integration.type
  const attribute = new RegExp(`paths\\.'([^']*)'\\(${METHOD}\\)((?:\\.[^\\s.]+)*)`, 'i').exec(item);
  if (attribute !== null) {
    const [, path = '', method = '', rest = ''] = attribute;
    const operation = source.locate(path, method);
    const deeper =
      rest === '' ? undefined : source.locateKey(['paths', path, operationKey(method), ...rest.slice(1).split('.')]);
    if (operation !== undefined && deeper !== undefined && deeper.file === operation.file && after(deeper, operation))
      return deeper;
    return operation;
  }
  // 'GET' for resource at path '/pets'  |  method 'GET' on resource at path '/x'
  const resource = /'([A-Za-z]+)'\s+(?:for|on)\s+resource at path '([^']*)'/.exec(item);
  if (resource !== null) return source.locate(resource[2] ?? '', resource[1]);
  // of resource '/test' and method 'GET'
  const ofResource = /resource '([^']*)' and method '([A-Za-z]+)'/.exec(item);
  if (ofResource !== null) return source.locate(ofResource[1] ?? '', ofResource[2]);
  // paths./pets.get (HTTP APIs)
  const dotted = new RegExp(`paths\\.(\\/\\S*?)\\.${METHOD}\\b`, 'i').exec(item);
  if (dotted !== null) return source.locate(dotted[1] ?? '', dotted[2]);
  const authorizer = /(?:authorizer|security scheme|securityScheme)\s+'([^']+)'/i.exec(item);
  if (authorizer !== null)
    return locateFirst(source, [
      ['components', 'securitySchemes', authorizer[1] ?? ''],
      ['securityDefinitions', authorizer[1] ?? ''],
    ]);
  const model =
    /(?:model|schema)\s+'([^']+)'/i.exec(item) ?? /#\/(?:components\/schemas|definitions)\/([^\s'"]+)/.exec(item);
  if (model !== null)
    return locateFirst(source, [
      ['components', 'schemas', model[1] ?? ''],
      ['definitions', model[1] ?? ''],
    ]);
  const gatewayResponse = /gateway response[^']*'([A-Z0-9_]+)'/i.exec(item);
  if (gatewayResponse !== null)
    return source.locateKey(['x-amazon-apigateway-gateway-responses', gatewayResponse[1] ?? '']);
  const validator = /validator\s+'([^']+)'/i.exec(item);
  if (validator !== null) return source.locateKey(['x-amazon-apigateway-request-validators', validator[1] ?? '']);
  if (/\$default\b/.test(item)) return source.locate('$default', 'ANY');
  const anyPath = /(?:path|resource)\s+'(\/[^']*)'/.exec(item);
  if (anyPath !== null) return source.locate(anyPath[1] ?? '');
  return undefined;
}

function operationKey(method: string): string {
  const lower = method.toLowerCase();
  return lower === 'any' ? 'x-amazon-apigateway-any-method' : lower;
}

function locateFirst(source: Pick<DeploySource, 'locateKey'>, candidates: string[][]): SourceRef | undefined {
  for (const segments of candidates) {
    const found = source.locateKey(segments);
    const parent = source.locateKey(segments.slice(0, -1));
    // locateKey gives the deepest key that exists: only a hit on the named key itself counts.
    if (found !== undefined && JSON.stringify(found) !== JSON.stringify(parent)) return found;
  }
  return undefined;
}

/** True when `a` starts after `b` starts (a key inside an operation comes after the operation's key). */
function after(a: SourceRef, b: SourceRef): boolean {
  const x = a.range.start;
  const y = b.range.start;
  return x.line > y.line || (x.line === y.line && x.character > y.character);
}
