import type { AwsPlace } from '../../aws/types';
import { deployTargetPrefix, invokeTargetPrefix, memoryKey } from '../aws/targetKeys';
import type { AwsInvokeTarget } from './awsInvokeRequest';

/**
 * The AWS target "Invoke Route on AWS" last used for a definition's API, per place (profile, region, endpoint),
 * in the workspace state: the next invoke, the panel and the CodeLens offer it without asking. The deploy's own
 * memory (src/extension/deploy/targetMemory.ts, where the API was deployed) is read first; this one holds what
 * the user picked when nothing was deployed from here. Both have the key form of aws/targetKeys.ts; the deploy's
 * is only read.
 * Pure but for the storage, which is given (`vscode.Memento`).
 */
export function invokeTargetKey(definition: string, apiName: string, place: AwsPlace): string {
  return memoryKey(invokeTargetPrefix, definition, apiName, place);
}

/** The definition and API a key of either memory is about, or undefined for any other key. */
export function parseTargetKey(key: string): { place: string; definition: string; apiName: string } | undefined {
  const prefix = [invokeTargetPrefix, deployTargetPrefix].find((p) => key.startsWith(`${p}:`));
  if (prefix === undefined) return undefined;
  try {
    const parts = JSON.parse(key.slice(prefix.length + 1)) as unknown;
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === 'string')) return undefined;
    const [place, definition, apiName] = parts as [string, string, string];
    return { place, definition, apiName };
  } catch {
    return undefined;
  }
}

/** The part of `vscode.Memento` this needs: its keys too (the CodeLens asks without a place). */
export interface KeyedStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
  keys(): readonly string[];
}

export class InvokeTargetMemory {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: KeyedStore) {}

  /** The target picked for an invoke before. */
  get(definition: string, apiName: string, place: AwsPlace): AwsInvokeTarget | undefined {
    const value = this.store.get<unknown>(invokeTargetKey(definition, apiName, place));
    return isInvokeTarget(value) ? value : undefined;
  }

  /** Where Deploy last deployed the definition's API at this place (REST and HTTP only), read from its memory. */
  deployed(definition: string, apiName: string, place: AwsPlace): AwsInvokeTarget | undefined {
    const value = this.store.get<unknown>(memoryKey(deployTargetPrefix, definition, apiName, place));
    if (!isInvokeTarget(value) || value.stage === undefined) return undefined;
    return {
      kind: value.kind,
      apiId: value.apiId,
      stage: value.stage,
      ...(value.apiName !== undefined ? { apiName: value.apiName } : {}),
    };
  }

  async remember(definition: string, apiName: string, place: AwsPlace, target: AwsInvokeTarget): Promise<void> {
    const value: AwsInvokeTarget = { kind: target.kind, apiId: target.apiId };
    if (target.stage !== undefined) value.stage = target.stage;
    if (target.apiName !== undefined) value.apiName = target.apiName;
    await this.store.update(invokeTargetKey(definition, apiName, place), value);
    for (const listener of [...this.listeners]) listener();
  }

  /** Whether either memory holds a target for the definition's API at any place (no place is needed). */
  hasAny(definition: string, apiName: string): boolean {
    const wanted = definition.replace(/\\/g, '/');
    return this.store.keys().some((key) => {
      const parsed = parseTargetKey(key);
      return parsed?.definition === wanted && parsed.apiName === apiName && this.store.get(key) !== undefined;
    });
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** Workspace state from an older version, or edited by hand, is ignored rather than trusted. */
function isInvokeTarget(value: unknown): value is AwsInvokeTarget {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    (v['kind'] === 'REST' || v['kind'] === 'HTTP') &&
    typeof v['apiId'] === 'string' &&
    /^[A-Za-z0-9]+$/.test(v['apiId']) &&
    (v['stage'] === undefined || (typeof v['stage'] === 'string' && v['stage'] !== '')) &&
    (v['apiName'] === undefined || typeof v['apiName'] === 'string')
  );
}
