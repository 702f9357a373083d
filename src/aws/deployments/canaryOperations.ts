// Pure: the canary's rules and patch operations, as the developer guide's "Promote a canary release" and
// "Turn off a canary release" give them. Promoting points the stage at the canary's deployment (copy
// /canarySettings/deploymentId → /deploymentId), takes the canary's stage-variable overrides into the stage's
// variables (copy /canarySettings/stageVariableOverrides → /variables), and sets the canary's traffic to 0 %: as the
// guide says, promoting does not turn the canary off (Cancel Canary does). Cancelling removes /canarySettings: the
// stage keeps serving its own deployment.
import type { CanaryRequest, CanaryState, PatchOperation } from './types';

/** Why a canary request would be refused, or undefined. */
export function canaryRequestProblem(request: CanaryRequest): string | undefined {
  const p = request.percentTraffic;
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100) {
    return `The canary's share of traffic must be a number from 0 to 100 (percent), not ${String(p)}.`;
  }
  for (const name of Object.keys(request.stageVariableOverrides ?? {})) {
    if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) {
      return `"${name}" is not a stage variable name: use 1 to 64 letters, digits and underscores.`;
    }
  }
  return undefined;
}

/** The patch operations that promote `canary` to the stage. */
export function promoteOperations(canary: CanaryState): PatchOperation[] {
  const ops: PatchOperation[] = [{ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' }];
  if (Object.keys(canary.stageVariableOverrides).length > 0) {
    ops.push({ op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' });
  }
  ops.push({ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' });
  return ops;
}

/** The patch operation that cancels (turns off) a canary. */
export function cancelOperations(): PatchOperation[] {
  return [{ op: 'remove', path: '/canarySettings' }];
}
