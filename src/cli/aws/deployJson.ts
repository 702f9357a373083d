// The JSON shapes `apigw deploy --format json` prints (documented in the README): plain data, no functions.
import type { DeployOutcome, DeployPlan } from '../../aws/types';

export function planJson(plan: DeployPlan): object {
  return {
    kind: plan.kind,
    apiName: plan.apiName,
    target: plan.target,
    changes: plan.changes.map(({ action, category, key, detail }) => ({
      action,
      category,
      key,
      ...(detail ? { detail } : {}),
    })),
    steps: plan.steps.map(({ operation, title }) => ({ operation, title })),
    notes: plan.notes,
  };
}

export function outcomeJson(outcome: DeployOutcome): object {
  const findings = outcome.findings.map((f) => ({
    severity: f.severity,
    file: f.diagnostic.file,
    range: f.diagnostic.range,
    code: f.diagnostic.code,
    message: f.diagnostic.message,
  }));
  if (outcome.ok) {
    const { apiId, stage, invokeUrl, done } = outcome;
    return { ok: true, apiId, stage, invokeUrl, done, findings };
  }
  const { apiId, problem, done, notDone, report } = outcome;
  return {
    ok: false,
    ...(apiId !== undefined ? { apiId } : {}),
    problem: { kind: problem.kind, message: problem.message, operation: problem.operation },
    done,
    notDone,
    report,
    findings,
  };
}
