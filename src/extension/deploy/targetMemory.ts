import type { AwsApiKind, AwsPlace } from '../../aws/types';
import { deployTargetPrefix, memoryKey, placeKey } from '../aws/targetKeys';

/**
 * Where a definition's API was last deployed, remembered per definition + API + place (profile, region,
 * endpoint) in the workspace state, so the next deploy and "Compare with Deployed" offer it first. Pure but for
 * the storage, which is given (a `vscode.Memento` in the extension, a map in tests).
 */
export interface RememberedTarget {
  kind: AwsApiKind;
  apiId: string;
  /** The deployed API's name when it was chosen (shown in pickers). */
  apiName?: string;
  stage: string;
  /** REST: the PutRestApi mode last chosen. */
  mode?: 'overwrite' | 'merge';
}

/** The part of `vscode.Memento` the memory uses. */
export interface TargetStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export { placeKey };

/** The key of a definition's API at a place (the key form is shared with Invoke on AWS: aws/targetKeys.ts). */
export function targetKey(definition: string, apiName: string, place: AwsPlace): string {
  return memoryKey(deployTargetPrefix, definition, apiName, place);
}

export class TargetMemory {
  constructor(private readonly store: TargetStore) {}

  get(definition: string, apiName: string, place: AwsPlace): RememberedTarget | undefined {
    const value = this.store.get<unknown>(targetKey(definition, apiName, place));
    return isRememberedTarget(value) ? value : undefined;
  }

  async remember(definition: string, apiName: string, place: AwsPlace, target: RememberedTarget): Promise<void> {
    const value: RememberedTarget = { kind: target.kind, apiId: target.apiId, stage: target.stage };
    if (target.apiName !== undefined) value.apiName = target.apiName;
    if (target.mode !== undefined) value.mode = target.mode;
    await this.store.update(targetKey(definition, apiName, place), value);
  }

  async forget(definition: string, apiName: string, place: AwsPlace): Promise<void> {
    await this.store.update(targetKey(definition, apiName, place), undefined);
  }
}

/** Workspace state written by an older version, or edited by hand, is ignored rather than trusted. */
function isRememberedTarget(value: unknown): value is RememberedTarget {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    (v['kind'] === 'REST' || v['kind'] === 'HTTP' || v['kind'] === 'WEBSOCKET') &&
    typeof v['apiId'] === 'string' &&
    /^[A-Za-z0-9]+$/.test(v['apiId']) &&
    typeof v['stage'] === 'string' &&
    v['stage'] !== '' &&
    (v['mode'] === undefined || v['mode'] === 'overwrite' || v['mode'] === 'merge') &&
    (v['apiName'] === undefined || typeof v['apiName'] === 'string')
  );
}
