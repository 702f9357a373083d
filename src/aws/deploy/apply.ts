// applyPlan: runs a confirmed plan's steps in order, reads `progress.cancelled()` between them, turns what API
// Gateway says about the import into findings on the definition, and on a failure part-way says exactly what was
// changed and what was not ("API updated, not deployed to stage prod: …; run Deploy again to deploy it"). An
// import that fails changes nothing (API Gateway discards the definition); a later step's failure leaves what the
// earlier steps did, which the report names.
import { contextOf } from '../guard';
import { invokeUrlOf } from '../invokeUrls';
import { describeProblem } from '../problems';
import type { ApplyProgress, AwsClients, AwsProblem, DeployOutcome, DeployPlan, ImportFinding } from '../types';
import { importFindings } from './importFindings';
import { runStep } from './runStep';
import type { DeploySource, DeployStep } from './types';

const importOperations = new Set(['ImportRestApi', 'PutRestApi', 'ImportApi', 'ReimportApi']);

export async function applyPlan(
  clients: AwsClients,
  plan: DeployPlan,
  source: Pick<DeploySource, 'file' | 'locate' | 'locateKey'>,
  progress: ApplyProgress,
): Promise<DeployOutcome> {
  const steps = plan.steps as DeployStep[];
  const ids = new Map<string, string>();
  if (plan.target.apiId !== undefined) ids.set('api', plan.target.apiId);
  const findings: ImportFinding[] = [];
  const done: DeployStep[] = [];
  let apiEndpoint: string | undefined;
  const unsubscribe = clients.addRetryListener?.((r) => progress.retrying?.(r.operation, r.attempt, r.delayMs));
  try {
    for (const [index, step] of steps.entries()) {
      if (progress.cancelled?.() === true) {
        const problem: AwsProblem = { kind: 'cancelled', message: 'The deploy was cancelled.' };
        return failed(plan, ids, findings, done, steps.slice(index), undefined, problem);
      }
      progress.step(index, steps.length, step.title);
      try {
        const out = await runStep(
          clients,
          plan,
          step.operation,
          resolveRefs(step.input, ids) as Record<string, unknown>,
        );
        if (step.produces !== undefined && out.id !== undefined) ids.set(step.produces, out.id);
        if (out.apiEndpoint !== undefined) apiEndpoint = out.apiEndpoint;
        findings.push(...importFindings(out.warnings, 'warning', source), ...importFindings(out.info, 'info', source));
        done.push(step);
      } catch (error) {
        let problem = describeProblem(error, { ...contextOf(clients), operation: step.operation });
        if (importOperations.has(step.operation) && problem.kind === 'badRequest') {
          const rejected = importFindings([fullMessage(error) ?? problem.awsMessage ?? ''], 'error', source);
          findings.push(...rejected);
          problem = rejectedImport(problem, step.operation, rejected);
        }
        return failed(plan, ids, findings, done, steps.slice(index + 1), step, problem);
      }
    }
  } finally {
    unsubscribe?.();
  }
  const apiId = ids.get('api') ?? '';
  return {
    ok: true,
    apiId,
    stage: plan.target.stage,
    invokeUrl: invokeUrlOf(plan.target.kind, apiId, clients.place.region, plan.target.stage, apiEndpoint),
    findings,
    done: done.map((s) => s.title),
  };
}

/** The whole text of an SDK error's message (import errors list one problem a line). */
function fullMessage(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

/** An import API Gateway refused: the problem names the first item and says where the rest went. */
function rejectedImport(problem: AwsProblem, operation: string, findings: ImportFinding[]): AwsProblem {
  const first = findings[0]?.awsMessage;
  if (first === undefined || first === '') return problem;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
  const message = `${operation}: API Gateway refused the definition: ${first}${more}. Nothing was imported; the problems are shown on the definition.`;
  return { ...problem, message, awsMessage: findings.map((f) => f.awsMessage).join('\n') };
}

/** Replaces `{ref:NAME}` in every string of `value` with the id created under NAME. */
export function resolveRefs(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{ref:([^}]+)\}/g, (_whole, name: string) => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`The plan refers to ${name}, which no earlier step created.`);
      return id;
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, ids));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, v] of Object.entries(value)) out[key] = resolveRefs(v, ids);
    return out;
  }
  return value;
}

function failed(
  plan: DeployPlan,
  ids: ReadonlyMap<string, string>,
  findings: ImportFinding[],
  done: DeployStep[],
  notDone: DeployStep[],
  failedStep: DeployStep | undefined,
  problem: AwsProblem,
): DeployOutcome {
  const apiId = ids.get('api');
  const outcome: DeployOutcome = {
    ok: false,
    problem,
    findings,
    done: done.map((s) => s.title),
    notDone: [...(failedStep ? [failedStep] : []), ...notDone].map((s) => s.title),
    report: reportOf(plan, apiId, done, failedStep, notDone, problem),
  };
  if (apiId !== undefined) outcome.apiId = apiId;
  return outcome;
}

/** One paragraph: what changed in AWS, what did not, and what to do. */
export function reportOf(
  plan: DeployPlan,
  apiId: string | undefined,
  done: DeployStep[],
  failedStep: DeployStep | undefined,
  notDone: DeployStep[],
  problem: AwsProblem,
): string {
  const stage = plan.target.stage;
  const reason = problem.kind === 'cancelled' ? 'the deploy was cancelled' : problem.message.replace(/\.$/, '');
  if (done.length === 0) {
    return problem.kind === 'cancelled'
      ? 'Cancelled before anything was sent: nothing changed in AWS.'
      : `Nothing changed in AWS: ${failedStep?.title ?? 'the first step'} failed: ${reason}.`;
  }
  const created = plan.target.apiId === undefined && apiId !== undefined;
  const again = created
    ? `run Deploy again to the API ${apiId} (not to a new API, which would make a second one)`
    : 'run Deploy again';
  const remaining = [...(failedStep ? [failedStep] : []), ...notDone];
  const apiDone = done.some((s) => s.changesApi === true);
  const apiPending = remaining.some((s) => s.changesApi === true);
  if (apiDone && !apiPending && remaining.every((s) => s.changesStage === true)) {
    const what = created ? `API created (${apiId})` : 'API updated';
    return `${what}, not deployed to stage ${stage}: ${reason}; ${again} to deploy it.`;
  }
  const list = (steps: DeployStep[]): string => steps.map((s) => s.title).join('; ');
  return (
    `Partly deployed: done — ${list(done)}. Not done — ${list(remaining)}. Stopped because ${reason}; ` +
    `${again} to finish (it plans only what is still missing).`
  );
}
