// apigw domains: the custom domain names of a place with their API mappings, and `apigw domains map`, which plans a
// mapping of a stage (refusing what AWS would refuse), prints the plan and creates it after confirmation.
import { parseArgs } from 'node:util';
import type { CustomDomain } from '../../aws/domains/types';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { terminalConfirmer, type Confirmer } from '../aws/confirm';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { findApi, reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const domainsUsage = `usage: apigw domains [--format text|json] [AWS options]
       apigw domains map DOMAIN --api-id ID --stage S [--base-path P] [--dry-run] [--yes] [AWS options]

Lists the custom domain names of the region (API Gateway v1 and v2 merged: endpoint type, the target domain name
DNS points at, certificate, TLS policy, mutual TLS, routing mode) with their API mappings (base path -> API /
stage; (none) is the empty base path).
'map' maps a stage to DOMAIN under a base path: prints the plan (v1 CreateBasePathMapping for a one-level REST
mapping, else v2 CreateApiMapping), refusing what AWS would refuse (a base path already taken, several levels on
an edge or TLS 1.0 domain, an HTTP or WebSocket stage on an edge domain, a WebSocket API beside REST / HTTP APIs),
and creates it once confirmed.
  --format text|json     list format (default text)
  --api-id ID            the API whose stage is mapped
  --stage S              the stage to map
  --base-path P          the base path (default: none, the domain root); levels joined by '/'
  --dry-run              print the plan and change nothing
  --yes                  create without asking (without it the plan is confirmed on the terminal; in a pipe or
                         CI nothing is changed without --yes)
${awsOptionsUsage}
Exit status: 0 listed / mapped (or --dry-run), 1 AWS refused or failed, or not confirmed, 2 usage error.`;

export async function runDomains(
  argv: string[],
  io: CliIo,
  aws?: AwsModule,
  confirmer: Confirmer = terminalConfirmer,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...awsOptionSpecs,
      format: { type: 'string', default: 'text' },
      'api-id': { type: 'string' },
      stage: { type: 'string' },
      'base-path': { type: 'string', default: '' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
    },
  });
  const [verb, domainName, ...extra] = positionals;
  if (verb === undefined) {
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`--format must be text or json, not '${values.format}'`);
    const module = aws ?? (await loadAws());
    const place = await resolvePlace(values, module);
    let domains: CustomDomain[];
    try {
      domains = await withClients(module, place, io, (clients) => module.listCustomDomains(clients));
    } catch (error) {
      return reportProblem(io, 'domains', module.describeProblem(error, { region: place.region }));
    }
    io.out(values.format === 'json' ? `${JSON.stringify(domains, null, 2)}\n` : domainsText(domains, place.region));
    return ExitCode.ok;
  }
  if (verb !== 'map')
    throw new UsageError(`'${verb}' is not a domains command: use 'apigw domains' or 'apigw domains map'`);
  if (domainName === undefined || extra.length > 0) throw new UsageError('give exactly one DOMAIN to map to');
  if (values['api-id'] === undefined) throw new UsageError('--api-id is required: the API whose stage is mapped');
  if (values.stage === undefined) throw new UsageError('--stage is required: the stage to map');
  const apply = !values['dry-run'];
  if (apply && !values.yes && !confirmer.interactive) {
    throw new UsageError(
      'the input is not a terminal, so the mapping cannot be confirmed: run with --dry-run to see the plan, or --yes to create it',
    );
  }
  const module = aws ?? (await loadAws());
  const place = await resolvePlace(values, module);
  const apiId = values['api-id'];
  const stage = values.stage;
  return await withClients(module, place, io, async (clients) => {
    let plan;
    try {
      const [domains, api] = await Promise.all([module.listCustomDomains(clients), findApi(module, clients, apiId)]);
      const domain = domains.find((d) => d.name === domainName);
      if (domain === undefined) {
        io.err(
          `apigw domains: there is no custom domain name ${domainName} in ${place.region}${domains.length > 0 ? `: the domains are ${domains.map((d) => d.name).join(', ')}` : ''}.\n`,
        );
        return ExitCode.findings;
      }
      plan = module.planStageMapping({
        domain,
        api: { id: api.id, kind: api.kind, name: api.name },
        stage,
        basePath: values['base-path'],
      });
    } catch (error) {
      return reportProblem(io, 'domains', module.describeProblem(error, { region: place.region }));
    }
    io.out(module.formatStageMappingPlan(plan));
    if (!apply) return ExitCode.ok;
    if (!values.yes && !(await confirmer.ask(`Map stage '${stage}' of ${apiId} to ${plan.url} in ${place.region}?`))) {
      io.err('apigw domains: not confirmed; nothing was changed.\n');
      return ExitCode.findings;
    }
    try {
      await module.createStageMapping(clients, plan);
    } catch (error) {
      return reportProblem(io, 'domains', module.describeProblem(error, { region: place.region }));
    }
    io.err(`apigw domains: mapped: ${plan.url}\n`);
    return ExitCode.ok;
  });
}

/** The domains as text: one line a domain with its settings, then its mappings indented. */
export function domainsText(domains: readonly CustomDomain[], region: string): string {
  if (domains.length === 0) return `No custom domain names in ${region}.\n`;
  const lines: string[] = [];
  for (const d of domains) {
    const mtls = d.mutualTls ? `mutual TLS ${d.mutualTls.truststoreUri}` : 'mutual TLS off';
    lines.push(
      [
        d.name,
        d.endpointType ?? '-',
        d.targetDomainName ?? '-',
        d.securityPolicy ?? '-',
        `certificate ${d.certificate.name ?? d.certificate.arn ?? '-'}`,
        mtls,
        d.routingMode ?? 'BASE_PATH_MAPPING_ONLY',
        ...(d.status !== undefined && d.status !== 'AVAILABLE' ? [d.status] : []),
      ].join('  '),
    );
    if (d.mappings.length === 0) lines.push('  no API mappings');
    const width = Math.max(0, ...d.mappings.map((m) => (m.basePath || '(none)').length));
    for (const m of d.mappings) lines.push(`  ${(m.basePath || '(none)').padEnd(width)}  -> ${m.apiId} / ${m.stage}`);
  }
  return `${lines.join('\n')}\n`;
}
