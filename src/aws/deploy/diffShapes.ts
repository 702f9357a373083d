// What differs between the desired and the deployed shape of an API, as the changes a person reads in the plan:
// routes, their integrations, authorizers, models, gateway responses, WebSocket route / integration responses
// and API settings to add, change and remove.
import type { ChangeCategory, PlannedChange } from '../types';
import { canonicalJson, isObject } from './normalizeParts';
import type { ApiShape, RouteShape } from './types';

/** The changes that turn `deployed` into `desired` (everything is added when nothing is deployed). */
export function diffShapes(desired: ApiShape, deployed: ApiShape | undefined): PlannedChange[] {
  const changes: PlannedChange[] = [];
  const before = deployed ?? { routes: {}, authorizers: {}, models: {}, gatewayResponses: {}, settings: {} };
  diffRoutes(desired.routes, before.routes, changes);
  diffMaps('authorizer', desired.authorizers, before.authorizers, changes);
  diffMaps('model', desired.models, before.models, changes);
  diffMaps('gatewayResponse', desired.gatewayResponses, before.gatewayResponses, changes);
  diffMaps('api', desired.settings, before.settings, changes, settingLabel);
  return changes;
}

function diffRoutes(
  desired: Record<string, RouteShape>,
  deployed: Record<string, RouteShape>,
  changes: PlannedChange[],
): void {
  for (const key of sortedKeys(desired, deployed)) {
    const want = desired[key];
    const have = deployed[key];
    if (want !== undefined && have === undefined) {
      const change: PlannedChange = { action: 'add', category: 'route', key, after: want };
      const detail = describeIntegration(want.integration);
      if (detail !== undefined) change.detail = detail;
      changes.push(change);
      continue;
    }
    if (want === undefined && have !== undefined) {
      changes.push({ action: 'remove', category: 'route', key, before: have });
      continue;
    }
    if (want === undefined || have === undefined) continue;
    const settings = changedKeys(want.settings, have.settings);
    if (settings.length > 0) {
      changes.push({
        action: 'change',
        category: 'route',
        key,
        detail: settings.join(', '),
        before: have.settings,
        after: want.settings,
      });
    }
    if (want.integration === undefined && have.integration !== undefined) {
      changes.push({ action: 'remove', category: 'integration', key, before: have.integration });
    } else if (want.integration !== undefined && have.integration === undefined) {
      changes.push({
        action: 'add',
        category: 'integration',
        key,
        detail: describeIntegration(want.integration) ?? '',
        after: want.integration,
      });
    } else {
      const fields = changedKeys(want.integration, have.integration);
      if (fields.length > 0) {
        changes.push({
          action: 'change',
          category: 'integration',
          key,
          detail: fields.join(', '),
          before: have.integration,
          after: want.integration,
        });
      }
    }
    diffMaps('routeResponse', want.responses ?? {}, have.responses ?? {}, changes, (k) => `${key} ${k}`);
    diffMaps(
      'integration',
      want.integrationResponses ?? {},
      have.integrationResponses ?? {},
      changes,
      (k) => `${key} response ${k}`,
    );
  }
}

function diffMaps(
  category: ChangeCategory,
  desired: Record<string, unknown>,
  deployed: Record<string, unknown>,
  changes: PlannedChange[],
  label: (key: string) => string = (key) => key,
): void {
  for (const key of sortedKeys(desired, deployed)) {
    const want = desired[key];
    const have = deployed[key];
    if (want !== undefined && have === undefined)
      changes.push({ action: 'add', category, key: label(key), after: want });
    else if (want === undefined && have !== undefined)
      changes.push({ action: 'remove', category, key: label(key), before: have });
    else if (canonicalJson(want) !== canonicalJson(have)) {
      const change: PlannedChange = { action: 'change', category, key: label(key), before: have, after: want };
      const fields = changedKeys(want, have);
      if (fields.length > 0 && isObject(want) && isObject(have)) change.detail = fields.join(', ');
      changes.push(change);
    }
  }
}

/** Top-level keys whose values differ (both objects), else [] when equal and ['value'] when the values differ. */
export function changedKeys(a: unknown, b: unknown): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  if (!isObject(a) || !isObject(b)) return ['value'];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key]))
    .sort();
}

/** 'aws_proxy POST arn:…:function:ListPets/invocations' — what a route is connected to, in one line. */
export function describeIntegration(integration: Record<string, unknown> | undefined): string | undefined {
  if (integration === undefined) return undefined;
  const type = integration['type'] ?? integration['IntegrationType'];
  const method = integration['httpMethod'] ?? integration['IntegrationMethod'];
  const uri = integration['uri'] ?? integration['IntegrationUri'];
  const parts = [type, method, uri].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

function settingLabel(key: string): string {
  return key;
}

function sortedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
