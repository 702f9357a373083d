// The estimate document of "Estimate Monthly Cost": a Markdown page with the monthly total of each API type side by
// side, each estimate's lines, where the prices come from, and what importing the definition as the other type
// would drop. Pure (no `vscode`), so its text is tested in plain Node.
import type { CostApiType, CostEstimate } from '../../model/cost';
import { formatCount, formatEstimate, formatUsd } from '../../model/cost';

const typeNames: Record<CostApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };

export interface CostReport {
  /** 'Pets REST API' or 'Pets · prod'. */
  title: string;
  /** 'pets-rest/openapi.yaml' or 'deployed in eu-west-1'. */
  subject: string;
  /** The API's own type (the first column, and the type an import as the other would leave). */
  apiType: CostApiType;
  /** One estimate a type compared (REST and HTTP for a REST or HTTP definition; one for a WebSocket API or a stage). */
  estimates: CostEstimate[];
  /** The usage in words: '1,000,000 requests a month of 1 KB'. */
  usage: string;
  /** What the usage was prefilled from, if it was measured ('CloudWatch Count, last 30 days: 1,234'). */
  measured?: string;
  /** What importing the definition as `as` would drop or refuse (its features only the API's own type has). */
  importDrops?: { as: CostApiType; features: string[] };
}

/** The usage as the document says it. */
export function describeUsage(usage: {
  requests?: number;
  messages?: number;
  connectionMinutes?: number;
  payloadKb?: number;
  cacheGb?: string;
}): string {
  const size = usage.payloadKb !== undefined ? ` of ${usage.payloadKb} KB` : '';
  if (usage.messages !== undefined)
    return `${formatCount(usage.messages)} messages a month${size}, ${formatCount(usage.connectionMinutes ?? 0)} connection minutes`;
  const cache = usage.cacheGb !== undefined ? `, a ${usage.cacheGb} GB cache` : '';
  return `${formatCount(usage.requests ?? 0)} requests a month${size}${cache}`;
}

export function renderCostReport(report: CostReport): string {
  const out: string[] = [`# Monthly cost estimate: ${report.title}`, ''];
  out.push(`${typeNames[report.apiType]} · ${report.subject} · ${report.usage}`, '');
  if (report.measured !== undefined) out.push(`Usage prefilled from ${report.measured}.`, '');
  const estimates = report.estimates;
  out.push(`| | ${estimates.map((e) => typeNames[e.type]).join(' | ')} |`);
  out.push(`|---|${estimates.map(() => '---:').join('|')}|`);
  out.push(`| **Monthly cost** | ${estimates.map((e) => `**${formatUsd(e.monthlyUsd)}**`).join(' | ')} |`);
  out.push(`| Region | ${estimates.map((e) => e.region).join(' | ')} |`);
  const first = estimates[0];
  const second = estimates[1];
  if (first !== undefined && second !== undefined && first.monthlyUsd > 0 && second.monthlyUsd !== first.monthlyUsd) {
    const saving = (first.monthlyUsd - second.monthlyUsd) / first.monthlyUsd;
    const change = saving > 0 ? `${Math.round(saving * 100)}% less` : `${Math.round(-saving * 100)}% more`;
    out.push('', `As ${withArticle(second.type)} it would cost ${formatUsd(second.monthlyUsd)} a month: ${change}.`);
  }
  if (report.importDrops !== undefined) out.push('', ...renderDrops(report.apiType, report.importDrops));
  for (const estimate of estimates) {
    out.push('', `## ${typeNames[estimate.type]}`, '', '```text', formatEstimate(estimate).trimEnd(), '```');
  }
  return `${out.join('\n')}\n`;
}

function withArticle(type: CostApiType): string {
  return type === 'HTTP' ? 'an HTTP API' : `a ${typeNames[type]}`;
}

function renderDrops(own: CostApiType, drops: { as: CostApiType; features: string[] }): string[] {
  const heading = `## What an import as ${withArticle(drops.as)} would drop`;
  if (drops.features.length === 0)
    return [heading, '', `Nothing: the definition uses no feature that only ${typeNames[own]}s have.`];
  return [
    heading,
    '',
    `The definition uses features that only ${typeNames[own]}s have; importing it as ${withArticle(drops.as)} drops or refuses them (as the import checks name them):`,
    '',
    ...drops.features.map((f) => `- ${f}`),
  ];
}
