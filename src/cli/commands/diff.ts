import { createTwoFilesPatch } from 'diff';
import { parseArgs } from 'node:util';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { parseParameters, prepareSource, readCheckedDefinition } from '../aws/definitionInput';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const diffUsage = `usage: apigw diff DEFINITION --api-id ID [--stage S] [--api NAME] [--parameter K=V]... [--format text|json] [AWS options]

Compares an API of DEFINITION with what is deployed (drift): both sides are normalised (key order, the defaults
API Gateway adds, what its export rewrites), then the changes a deploy would make are listed and a unified diff
(--- deployed, +++ local) is printed. REST APIs are compared with a stage's export (--stage is required), HTTP
APIs with a stage or the API's current definition, WebSocket APIs with their routes and integrations.
  --api-id ID         the deployed API
  --stage S           the stage to compare with
  --api NAME          which API of the file when it has several
  --parameter K=V     a CloudFormation parameter value (repeatable)
  --format text|json  json: {"same", "changes", "notes", "diff"}
${awsOptionsUsage}
Exit status: 0 no drift, 1 they differ (or AWS refused: the message says why), 2 usage error.`;

export async function runDiff(argv: string[], io: CliIo, aws?: AwsModule): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...awsOptionSpecs,
      'api-id': { type: 'string' },
      stage: { type: 'string' },
      api: { type: 'string' },
      parameter: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one DEFINITION file');
  const apiId = values['api-id'];
  if (apiId === undefined) throw new UsageError('give the deployed API with --api-id ID');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const parameters = parseParameters(values.parameter);
  const input = await readCheckedDefinition(positionals[0]!, values.api, io, 'diff', false);
  if (input === undefined) return ExitCode.usage;
  const module = aws ?? (await loadAws());
  const place = await resolvePlace(values, module);
  let drift;
  try {
    drift = await withClients(module, place, io, async (clients) => {
      const source = await prepareSource(module, clients, input, parameters, io, 'diff');
      if (source === undefined) return undefined;
      return await module.readDrift(clients, source, {
        apiId,
        ...(values.stage !== undefined ? { stage: values.stage } : {}),
      });
    });
  } catch (error) {
    return reportProblem(io, 'diff', module.describeProblem(error, { region: place.region }));
  }
  if (drift === undefined) return ExitCode.usage;
  const where = values.stage !== undefined ? `${apiId} stage ${values.stage}` : apiId;
  const patch = drift.same
    ? ''
    : createTwoFilesPatch(`deployed: ${where}`, `local: ${input.given}`, drift.deployedText, drift.localText, '', '', {
        context: 3,
      });
  if (format === 'json') {
    const changes = drift.changes.map(({ action, category, key, detail }) => ({
      action,
      category,
      key,
      ...(detail ? { detail } : {}),
    }));
    io.out(`${JSON.stringify({ same: drift.same, changes, notes: drift.notes, diff: patch }, null, 2)}\n`);
  } else if (drift.same) {
    io.out(`No drift: ${input.given} matches ${where}.\n`);
    for (const note of drift.notes) io.out(`note: ${note}\n`);
  } else {
    io.out(`Drift: ${input.given} differs from ${where} (${drift.changes.length} change(s) a deploy would make).\n`);
    for (const c of drift.changes)
      io.out(`  ${marker[c.action]} ${c.category} ${c.key}${c.detail ? ` (${c.detail})` : ''}\n`);
    for (const note of drift.notes) io.out(`note: ${note}\n`);
    io.out(patch);
  }
  return drift.same ? ExitCode.ok : ExitCode.findings;
}

const marker = { add: '+', change: '~', remove: '-' } as const;
