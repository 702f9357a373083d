// Drift: the local definition against the export of the deployed stage, both normalised (normalizeDefinition), as
// two texts for a diff editor and as the changes a deploy would make. "No drift" is `same`.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AwsError, type PlannedChange } from '../types';
import { diffShapes } from './diffShapes';
import { normalizeDefinition } from './normalize';
import { canonicalJson } from './normalizeParts';
import { shapeFromDocument } from './shape';
import type { ApiShape, DeploySource } from './types';
import { desiredWebSocketShape, projectOnto } from './websocketShape';

export interface DriftResult {
  /** True when both sides normalise to the same text. */
  same: boolean;
  localText: string;
  deployedText: string;
  /** What a deploy of the local definition would change (add = only local, remove = only deployed). */
  changes: PlannedChange[];
  notes: string[];
}

/** Compares a REST / HTTP definition with the export (JSON or YAML text) of the deployed API. */
export function compareWithDeployed(
  local: DeploySource,
  deployedExportText: string,
  format: 'json' | 'yaml' = 'yaml',
): DriftResult {
  if (local.kind === 'WEBSOCKET' || local.body === undefined) {
    throw new AwsError({
      kind: 'badRequest',
      message: 'A WebSocket API has no export to compare with: use compareWebSocketWithDeployed.',
    });
  }
  const deployed = parseExport(deployedExportText);
  const kind = local.kind;
  const notes: string[] = [];
  const localSwagger = local.body['swagger'] !== undefined;
  const deployedSwagger = deployed['swagger'] !== undefined;
  if (localSwagger !== deployedSwagger) {
    notes.push(
      `The definition is ${localSwagger ? 'Swagger 2.0' : 'OpenAPI 3'} and the export ${deployedSwagger ? 'Swagger 2.0' : 'OpenAPI 3'}: export the API as ${localSwagger ? 'swagger' : 'oas30'} to compare them line by line.`,
    );
  }
  const localText = render(normalizeDefinition(local.body, { kind }), format);
  const deployedText = render(normalizeDefinition(deployed, { kind }), format);
  const changes = diffShapes(shapeFromDocument(local.body, kind), shapeFromDocument(deployed, kind));
  return { same: localText === deployedText, localText, deployedText, changes, notes };
}

/** Compares a WebSocket API's resources with the deployed API's shape (readDeployed), on the settings the template gives. */
export function compareWebSocketWithDeployed(
  local: DeploySource,
  deployed: ApiShape,
  format: 'json' | 'yaml' = 'yaml',
): DriftResult {
  if (local.websocket === undefined)
    throw new AwsError({ kind: 'badRequest', message: 'The definition is not a WebSocket API.' });
  const want = desiredWebSocketShape(local.websocket);
  const have = projectOnto(deployed, want);
  const view = (shape: ApiShape): unknown => ({
    settings: shape.settings,
    authorizers: shape.authorizers,
    routes: shape.routes,
  });
  const localText = render(view(want), format);
  const deployedText = render(view(have), format);
  return { same: localText === deployedText, localText, deployedText, changes: diffShapes(want, have), notes: [] };
}

/** An export's text as a document: JSON, else YAML. */
export function parseExport(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new AwsError({ kind: 'service', message: `The exported definition could not be read (${reason}).` });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsError({ kind: 'service', message: 'The exported definition is not an OpenAPI document.' });
  }
  return value as Record<string, unknown>;
}

function render(value: unknown, format: 'json' | 'yaml'): string {
  if (format === 'json') return canonicalJson(value) + '\n';
  return stringifyYaml(JSON.parse(canonicalJson(value)), { lineWidth: 0, aliasDuplicateObjects: false });
}
