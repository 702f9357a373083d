import { parseArgs } from 'node:util';
import type { AwsApiKind, DeployOutcome, DeployPlan, DeployTarget } from '../../aws/types';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { terminalConfirmer, type Confirmer } from '../aws/confirm';
import { parseParameters, prepareSource, printDiagnostics, readCheckedDefinition } from '../aws/definitionInput';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { planJson, outcomeJson } from '../aws/deployJson';
import { reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const deployUsage = `usage: apigw deploy DEFINITION --stage NAME [--api-id ID] [--mode overwrite|merge] [--api NAME]
                    [--description TEXT] [--parameter K=V]... [--no-fail-on-warnings] [--dry-run] [--yes]
                    [--format text|json] [AWS options]

Deploys an API of DEFINITION (OpenAPI / Swagger, or a SAM / CloudFormation template) to API Gateway: checks it,
reads what is deployed now, prints the plan (what is added, changed and removed), and after confirmation
imports it (REST: ImportRestApi / PutRestApi; HTTP: ImportApi / ReimportApi; WebSocket: the API, route,
integration and stage calls the plan needs) and deploys it to the stage.
  --stage NAME            the stage to deploy to (created when missing)
  --api-id ID             the API to update (default: create a new API)
  --mode overwrite|merge  REST: replace the API with the definition (default) or merge it into what is there
  --basepath ignore|prepend|split   how the import treats the definition's base path
  --endpoint-type EDGE|REGIONAL|PRIVATE   REST: the endpoint type of a new API (default: the template's, else EDGE)
  --api NAME              which API of the file (its title or CloudFormation logical id) when it has several
  --description TEXT      the description of the deployment (the stage's deployment history shows it)
  --parameter K=V         a CloudFormation parameter value (repeatable); AWS::Region, AWS::AccountId and
                          AWS::Partition are filled in; any other intrinsic left in the body stops the deploy
  --no-fail-on-warnings   let API Gateway import a definition it has warnings about (default: refuse it)
  --dry-run               print the plan and change nothing
  --yes                   apply without asking (without it the plan is confirmed on the terminal; in a pipe or
                          CI nothing is changed without --yes)
  --format text|json      output format (json: {"plan": ..., "outcome": ...})
${awsOptionsUsage}
The first line of the plan says what kind of change it is: create, update or no change.
Exit status: 0 deployed (or --dry-run, or nothing to change); 1 nothing changed: the definition has errors, AWS
refused, or the plan was not confirmed; 2 usage error; 3 the deploy failed part-way: the message says what was
changed and what was not.`;

const options = {
  ...awsOptionSpecs,
  stage: { type: 'string' },
  'api-id': { type: 'string' },
  mode: { type: 'string', default: 'overwrite' },
  basepath: { type: 'string' },
  'endpoint-type': { type: 'string' },
  api: { type: 'string' },
  description: { type: 'string' },
  parameter: { type: 'string', multiple: true },
  'no-fail-on-warnings': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  format: { type: 'string', default: 'text' },
} as const;

/** Exit status of a deploy that failed after changing something in AWS. */
export const partialExitCode = 3;

export async function runDeploy(
  argv: string[],
  io: CliIo,
  confirmer: Confirmer = terminalConfirmer,
  aws?: AwsModule,
): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options });
  if (positionals.length !== 1) throw new UsageError('give exactly one DEFINITION file');
  if (values.stage === undefined) throw new UsageError('give the stage to deploy to with --stage NAME');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const mode = values.mode;
  if (mode !== 'overwrite' && mode !== 'merge')
    throw new UsageError(`--mode must be overwrite or merge, not '${mode}'`);
  const basepath = values.basepath;
  if (basepath !== undefined && basepath !== 'ignore' && basepath !== 'prepend' && basepath !== 'split') {
    throw new UsageError(`--basepath must be ignore, prepend or split, not '${basepath}'`);
  }
  const endpointType = values['endpoint-type']?.toUpperCase();
  if (
    endpointType !== undefined &&
    endpointType !== 'EDGE' &&
    endpointType !== 'REGIONAL' &&
    endpointType !== 'PRIVATE'
  ) {
    throw new UsageError(`--endpoint-type must be EDGE, REGIONAL or PRIVATE, not '${values['endpoint-type']}'`);
  }
  const parameters = parseParameters(values.parameter);
  const apply = !values['dry-run'];
  if (apply && !values.yes && !confirmer.interactive) {
    throw new UsageError(
      'the input is not a terminal, so the plan cannot be confirmed: run with --dry-run to see it, or --yes to apply it',
    );
  }
  const input = await readCheckedDefinition(positionals[0]!, values.api, io, 'deploy');
  if (input === undefined) return ExitCode.findings;
  const module = aws ?? (await loadAws());
  const place = await resolvePlace(values, module);
  const kind: AwsApiKind = input.api.type;
  return await withClients(module, place, io, async (clients) => {
    let plan: DeployPlan;
    let source;
    try {
      source = await prepareSource(module, clients, input, parameters, io, 'deploy');
      if (source === undefined) return ExitCode.findings;
      const target: DeployTarget = {
        kind,
        stage: values.stage!,
        failOnWarnings: !values['no-fail-on-warnings'],
        ...(values['api-id'] !== undefined ? { apiId: values['api-id'] } : {}),
        ...(values.description !== undefined && values.description.trim() !== ''
          ? { description: values.description.trim() }
          : {}),
        ...(kind === 'REST' ? { mode } : {}),
        ...(basepath !== undefined ? { basepath } : {}),
        ...(endpointType !== undefined
          ? { endpointType }
          : source.endpointType
            ? { endpointType: source.endpointType }
            : {}),
      };
      const deployed = target.apiId === undefined ? undefined : await module.readDeployed(clients, target, source);
      plan = module.planDeploy(source, deployed, target);
    } catch (error) {
      return reportProblem(io, 'deploy', module.describeProblem(error, { region: place.region }));
    }
    if (format === 'text') io.out(`${module.formatPlan(plan)}\n`);
    if (!apply) {
      if (format === 'json') io.out(`${JSON.stringify({ plan: planJson(plan) }, null, 2)}\n`);
      return ExitCode.ok;
    }
    if (plan.kind === 'noChange' && plan.steps.length === 0) {
      if (format === 'json') io.out(`${JSON.stringify({ plan: planJson(plan) }, null, 2)}\n`);
      else io.err('apigw deploy: nothing to change.\n');
      return ExitCode.ok;
    }
    if (!values.yes) {
      const what = plan.target.apiId === undefined ? `create API '${plan.apiName}'` : `update API ${plan.target.apiId}`;
      const ok = await confirmer.ask(
        `Deploy: ${what} and deploy it to stage '${plan.target.stage}' in ${place.region}?`,
      );
      if (!ok) {
        io.err('apigw deploy: not confirmed; nothing was changed.\n');
        return ExitCode.findings;
      }
    }
    const outcome = await module.applyPlan(clients, plan, source, {
      // Retries are told by the clients (withClients), for every call of the command.
      step: (index, total, title) => io.err(`[${index + 1}/${total}] ${title}\n`),
    });
    printOutcome(io, input, outcome, format, plan);
    if (outcome.ok) return ExitCode.ok;
    return outcome.done.length > 0 ? partialExitCode : ExitCode.findings;
  });
}

function printOutcome(
  io: CliIo,
  input: { given: string; file: string },
  outcome: DeployOutcome,
  format: 'text' | 'json',
  plan: DeployPlan,
): void {
  if (format === 'json') {
    io.out(`${JSON.stringify({ plan: planJson(plan), outcome: outcomeJson(outcome) }, null, 2)}\n`);
    return;
  }
  printDiagnostics(
    io,
    input,
    outcome.findings.map((f) => f.diagnostic),
  );
  if (outcome.ok) {
    io.out(`Deployed API '${plan.apiName}' (${outcome.apiId}) to stage ${outcome.stage}: ${outcome.invokeUrl}\n`);
  } else {
    io.err(`apigw deploy: ${outcome.report}\n`);
  }
}
