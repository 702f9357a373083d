import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsLensTargets } from '../mock/routeCodeLens';
import type { InvokeTargetMemory } from './invokeMemory';

/**
 * What the route CodeLens asks at activation: whether a definition's API has an AWS target (its "Invoke on AWS"
 * lens), from the memories' keys, without loading Invoke on AWS or the SDK.
 */
export function awsLensTargets(memory: InvokeTargetMemory, connection: AwsConnection): AwsLensTargets {
  return {
    has: (file, apiName) => memory.hasAny(vscode.workspace.asRelativePath(file, false), apiName),
    onDidChange: (listener) => {
      const subscriptions = [memory.onDidChange(listener), connection.onDidChange(listener)];
      return new vscode.Disposable(() => subscriptions.forEach((s) => s.dispose()));
    },
  };
}
