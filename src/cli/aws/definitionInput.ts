// The definition a deploy or diff works on: read, checked with the language service, the API chosen, and the
// body prepared for AWS (pseudo parameters from the place, --parameter values). Problems are printed as
// compilers print them; the caller only sees whether it may go on.
import path from 'node:path';
import { createLanguageService } from '../../language';
import { readDefinition, readDefinitionText, type DefinitionFile, type GatewayApi } from '../../model';
import { formatDiagnostic, type Diagnostic } from '../../shared/diagnostic';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import type { AwsClients } from '../../aws/types';
import { UsageError, type CliIo } from '../io';
import type { AwsModule } from './loadAws';

export type DeploySource = Extract<Awaited<ReturnType<AwsModule['prepareDeploySource']>>, { ok: true }>['source'];

export interface DefinitionInput {
  given: string;
  file: string;
  text: string;
  definition: DefinitionFile;
  api: GatewayApi;
}

/** `--parameter K=V` values (repeatable) as a map; a malformed one is a usage error. */
export function parseParameters(values: readonly string[] | undefined): Record<string, string> {
  const parameters: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of values ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--parameter must be NAME=VALUE, not '${entry}'`);
    parameters[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return parameters;
}

/**
 * Reads the definition and chooses its API; with `check`, also runs the checks: errors are printed and give
 * undefined (a deploy never sends a definition the checks reject), warnings are printed and allowed.
 */
export async function readCheckedDefinition(
  given: string,
  apiName: string | undefined,
  io: CliIo,
  command: string,
  check = true,
): Promise<DefinitionInput | undefined> {
  const file = path.resolve(io.cwd, given);
  const read = await readDefinitionText(file, { fs: nodeFileSystem });
  if (!read.ok) {
    io.err(`apigw ${command}: ${formatDiagnostic(given, read.failure.error)}\n`);
    return undefined;
  }
  if (check && !(await checkDefinition(given, file, read.text, io, command))) return undefined;
  const result = await readDefinition(file, { fs: nodeFileSystem, text: read.text });
  if (!result.ok) {
    io.err(`apigw ${command}: ${formatDiagnostic(given, result.failure.error)}\n`);
    return undefined;
  }
  const apis = result.definition.apis;
  const api = apiName === undefined ? apis[0] : apis.find((a) => a.name === apiName || a.source.logicalId === apiName);
  if (api === undefined) {
    const names = apis.map((a) => `'${a.source.logicalId ?? a.name}'`).join(', ');
    if (apiName === undefined) throw new UsageError(`${given} declares no API`);
    throw new UsageError(`${given} has no API named '${apiName}'; it has ${names}`);
  }
  if (apiName === undefined && apis.length > 1) {
    const names = apis.map((a) => `'${a.source.logicalId ?? a.name}'`).join(', ');
    throw new UsageError(`${given} declares ${apis.length} APIs (${names}): choose one with --api NAME`);
  }
  return { given, file, text: read.text, definition: result.definition, api };
}

/** Prints the definition's errors and warnings; false when it has errors (nothing may be sent then). */
async function checkDefinition(
  given: string,
  file: string,
  text: string,
  io: CliIo,
  command: string,
): Promise<boolean> {
  const report = await createLanguageService({ fs: nodeFileSystem }).validateReport({ file, text });
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  for (const d of report.diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning')) {
    io.err(`${formatDiagnostic(given, d)}\n`);
  }
  if (report.skipped !== undefined) {
    io.err(`apigw ${command}: ${formatDiagnostic(given, report.skipped)}\n`);
    return false;
  }
  if (errors.length > 0) {
    io.err(
      `apigw ${command}: ${given} has ${errors.length} error(s); nothing was sent to AWS. Fix them and run again.\n`,
    );
    return false;
  }
  return true;
}

/** The body for AWS; the account id is asked of STS only when the definition names AWS::AccountId. */
export async function prepareSource(
  aws: AwsModule,
  clients: AwsClients,
  input: DefinitionInput,
  parameters: Record<string, string>,
  io: CliIo,
  command: string,
): Promise<DeploySource | undefined> {
  const accountId = input.text.includes('AWS::AccountId') ? (await aws.whoAmI(clients)).account : undefined;
  const prepared = await aws.prepareDeploySource(input.definition, input.api, {
    text: input.text,
    parameters,
    pseudo: { region: clients.place.region, ...(accountId !== undefined ? { accountId } : {}) },
  });
  if (!prepared.ok) {
    printDiagnostics(io, input, prepared.diagnostics);
    io.err(`apigw ${command}: ${input.given} cannot be sent to AWS as it is; nothing was sent.\n`);
    return undefined;
  }
  return prepared.source;
}

export function printDiagnostics(
  io: CliIo,
  input: Pick<DefinitionInput, 'given' | 'file'>,
  diagnostics: readonly Diagnostic[],
): void {
  for (const d of diagnostics) {
    const where = d.file === undefined || d.file === input.file ? input.given : path.relative(io.cwd, d.file);
    io.err(`${formatDiagnostic(where, { ...d, file: undefined })}\n`);
  }
}
