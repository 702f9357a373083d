import * as vscode from 'vscode';
import type { AwsClients, DeployOutcome, DeployPlan } from '../../aws/types';
import type { DeployFacade, DeploySource } from './deployFacade';
import { retryMessage, stepMessage } from './planText';

/**
 * Applies a confirmed plan under a cancellable progress notification that names each step ("2/3: Deploy to
 * stage prod") and each retry ("CreateDeployment throttled, retrying in 2 s"). Cancelling stops before the
 * next step; the outcome then says what was done.
 */
export function applyWithProgress(
  facade: DeployFacade,
  clients: AwsClients,
  plan: DeployPlan,
  source: DeploySource,
  /** Told every message the notification shows (the run's result lists them). */
  onReport?: (message: string) => void,
): Thenable<DeployOutcome> {
  const where = plan.target.apiId === undefined ? 'a new API' : plan.target.apiId;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Deploying "${plan.apiName}" to ${where} · ${plan.target.stage}`,
      cancellable: true,
    },
    async (progress, token) => {
      let stepText = '';
      const report = (message: string, increment?: number): void => {
        progress.report({ message, ...(increment !== undefined ? { increment } : {}) });
        onReport?.(message);
      };
      const stopListening = clients.addRetryListener?.((r) =>
        report(`${stepText} — ${retryMessage(r.operation, r.attempt, r.delayMs, r.errorName)}`),
      );
      try {
        return await facade.applyPlan(clients, plan, source, {
          step: (index, total, title) => {
            stepText = stepMessage(index, total, title);
            report(stepText, index === 0 ? 0 : 100 / total);
          },
          cancelled: () => token.isCancellationRequested,
        });
      } finally {
        stopListening?.();
      }
    },
  );
}
