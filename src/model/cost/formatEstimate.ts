// An estimate as text: one line an item, the total, where the prices come from, and the notes.
import type { CostEstimate } from './estimate';
import { formatUsd } from './money';

const typeNames = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' } as const;

/** The lines of `apigw cost` (and of the estimate document in VS Code, which puts them in a code block). */
export function formatEstimate(estimate: CostEstimate): string {
  const width = Math.max(...estimate.lines.map((l) => l.item.length), 'Total a month'.length);
  const amounts = [...estimate.lines.map((l) => formatUsd(l.usd)), formatUsd(estimate.monthlyUsd)];
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  const row = (item: string, quantity: string, amount: string): string =>
    `  ${item.padEnd(width)}  ${quantity.padStart(16)}  ${amount.padStart(amountWidth)}`;
  const out = [`${typeNames[estimate.type]} in ${estimate.region}: ${formatUsd(estimate.monthlyUsd)} a month`];
  for (const line of estimate.lines)
    out.push(row(line.item, line.quantity.toLocaleString('en-US'), formatUsd(line.usd)));
  out.push(row('Total a month', '', formatUsd(estimate.monthlyUsd)));
  out.push(`Prices of ${estimate.prices.date} from ${estimate.prices.source}.`);
  for (const note of estimate.notes) out.push(note);
  return `${out.join('\n')}\n`;
}
