import type { GatewayApi } from '../../model';

/**
 * The `apigw deploy --dry-run` command line the walkthrough and "Deploy Dry Run in Terminal" run. Pure (no
 * `vscode`), so the arguments are unit-tested.
 *
 * Without `--api-id` the CLI plans a new API: it reads nothing deployed, so no AWS call is made (only a definition
 * that uses `AWS::AccountId` asks STS who the caller is), and `--dry-run` stops after printing the plan, before
 * any question or change. The region only names where the API would go: the setting, else the SDK's environment
 * variables, else us-east-1, so the dry run needs no AWS configuration at all.
 */
export interface DryRunRequest {
  /** The definition, relative to the working directory. */
  file: string;
  api: GatewayApi;
  /** How many APIs the file has: `--api NAME` is passed when it is more than one. */
  apisInFile: number;
  /** `apigw.aws.region` ('' when unset). */
  regionSetting: string;
  env: Record<string, string | undefined>;
}

/** The stage a dry run names: the template's stage when it is a plain name, else `dev`. */
export function dryRunStage(api: GatewayApi): string {
  const name = api.stage?.name;
  return typeof name === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(name) ? name : 'dev';
}

export function dryRunRegion(regionSetting: string, env: Record<string, string | undefined>): string {
  return regionSetting || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

/** The CLI's arguments after `apigw`. */
export function dryRunArguments(request: DryRunRequest): string[] {
  return [
    'deploy',
    request.file,
    '--stage',
    dryRunStage(request.api),
    '--dry-run',
    '--region',
    dryRunRegion(request.regionSetting, request.env),
    ...(request.apisInFile > 1 ? ['--api', request.api.name] : []),
  ];
}

/** `apigw ARGS` as a POSIX shell would need it typed (what the terminal shows, so it can be copied). */
export function displayCommandLine(args: readonly string[]): string {
  return ['apigw', ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Text for a terminal: every line break as CR LF. */
export function terminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
