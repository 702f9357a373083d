import { ExitCode, UsageError, processIo, type CliIo } from './io';
import { costUsage, runCost } from './commands/cost';
import { deployUsage, runDeploy } from './commands/deploy';
import { diffUsage, runDiff } from './commands/diff';
import { domainsUsage, runDomains } from './commands/domains';
import { exportUsage, runExport } from './commands/export';
import { logsUsage, runLogs } from './commands/logs';
import { metricsUsage, runMetrics } from './commands/metrics';
import { mockUsage, runMock } from './commands/mock';
import { renderUsage, runRender } from './commands/render';
import { routesUsage, runRoutes } from './commands/routes';
import { runTest, testUsage } from './commands/test';
import { runValidate, validateUsage } from './commands/validate';
import { dictOf } from '../shared/dict';

interface Command {
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = dictOf({
  cost: { usage: costUsage, run: (argv, io) => runCost(argv, io) },
  deploy: { usage: deployUsage, run: (argv, io) => runDeploy(argv, io) },
  diff: { usage: diffUsage, run: (argv, io) => runDiff(argv, io) },
  domains: { usage: domainsUsage, run: (argv, io) => runDomains(argv, io) },
  export: { usage: exportUsage, run: (argv, io) => runExport(argv, io) },
  logs: { usage: logsUsage, run: (argv, io) => runLogs(argv, io) },
  metrics: { usage: metricsUsage, run: (argv, io) => runMetrics(argv, io) },
  mock: { usage: mockUsage, run: (argv, io) => runMock(argv, io) },
  render: { usage: renderUsage, run: runRender },
  routes: { usage: routesUsage, run: runRoutes },
  test: { usage: testUsage, run: runTest },
  validate: { usage: validateUsage, run: runValidate },
});

const usage = `usage: apigw COMMAND [options]

Commands:
  cost --type T ...      estimate what an API costs a month (--requests, --messages, --cache-gb, --prices aws)
  deploy DEFINITION      deploy an API to API Gateway: shows the plan, applies it after confirmation
  diff DEFINITION        compare an API with what is deployed (drift); exit 1 when they differ
  domains [map DOMAIN]   list custom domain names and their API mappings; map a stage to one (--api-id, --stage,
                         --base-path; plan, then confirmation)
  export API_ID          export a deployed REST or HTTP API as OpenAPI with API Gateway's extensions
  logs API_ID            a stage's execution or access log (--stage, --access, --since 10m, --filter, --request-id,
                         --follow)
  metrics API_ID         a stage's CloudWatch metrics over a window (--stage, --since 3h, --period 60)
  mock DEFINITION        serve a REST or HTTP API on a local mock API Gateway (--port, --stage, --config,
                         --check-responses warn|strict|off; --mount /BASE=FILE serves several on one port)
  render TEMPLATE        render a mapping template as API Gateway does (--event EVENT.json)
  routes DEFINITION...   list the routes of every API in API Gateway definitions
  test DEFINITION        send each operation's example requests (to a mock, or --base-url) and check every answer
                         against the definition's responses; exit 1 on a mismatch (--report junit.xml)
  validate FILE...       check API Gateway definitions and print every problem with its place

Run 'apigw COMMAND --help' for a command's options.`;

/** Runs the CLI and resolves to its exit code; never throws for bad input. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) io.err(`${usage}\n`);
    else io.out(`${usage}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err(`apigw: unknown command '${name}'\n${usage}\n`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // UsageError, or node:util parseArgs' ERR_PARSE_ARGS_* (unknown option, missing value).
      io.err(`apigw ${name}: ${error.message}\n${command.usage}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
