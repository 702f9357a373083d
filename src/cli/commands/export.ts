import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { findApi, reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const exportUsage = `usage: apigw export API_ID [--stage S] [--out FILE] [--format yaml|json] [--swagger] [AWS options]

Exports a deployed REST or HTTP API as OpenAPI 3.0 with API Gateway's extensions (integrations, authorizers):
REST APIs from a stage (GetExport; --stage is required), HTTP APIs from a stage or, without --stage, the API's
current definition (ExportApi). WebSocket APIs cannot be exported by AWS. Prints the document, or writes FILE.
  --stage S              the stage to export
  --out FILE             write the document to FILE instead of standard output
  --format yaml|json     default: yaml, or the extension of --out
  --swagger              REST only: Swagger 2.0 instead of OpenAPI 3.0
${awsOptionsUsage}
Exit status: 0 exported, 1 AWS refused or failed (the message says why), 2 usage error.`;

export async function runExport(argv: string[], io: CliIo, aws?: AwsModule): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...awsOptionSpecs,
      stage: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      swagger: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one API_ID');
  const apiId = positionals[0]!;
  const out = values.out !== undefined ? path.resolve(io.cwd, values.out) : undefined;
  const format = values.format ?? (out !== undefined && /\.json$/i.test(out) ? 'json' : 'yaml');
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format must be yaml or json, not '${format}'`);
  const module = aws ?? (await loadAws());
  const place = await resolvePlace(values, module);
  let text: string;
  try {
    text = await withClients(module, place, io, async (clients) => {
      const api = await findApi(module, clients, apiId);
      return await module.exportApi(clients, {
        kind: api.kind,
        apiId,
        ...(values.stage !== undefined ? { stage: values.stage } : {}),
        format,
        specification: values.swagger ? 'swagger' : 'oas30',
      });
    });
  } catch (error) {
    return reportProblem(io, 'export', module.describeProblem(error, { region: place.region }));
  }
  const withNewline = text.endsWith('\n') ? text : `${text}\n`;
  if (out === undefined) {
    io.out(withNewline);
    return ExitCode.ok;
  }
  try {
    await fs.writeFile(out, withNewline);
  } catch (error) {
    io.err(`apigw export: cannot write ${values.out}: ${(error as Error).message}\n`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}
