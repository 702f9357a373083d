import * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import { openMetricsPanel } from '../metrics/metricsPanel';
import type { MetricsRender } from '../metrics/metricsRender';
import { sessionKey, type MockSession, type MockSessions } from './mockSessions';

export const showMockMetricsCommandId = 'apigw.showMockMetrics';

/**
 * "Show Mock Metrics": the chart page of the stage dashboard over a running mock API's own counts (CloudWatch's
 * metric names for its API type, the per-route table), refreshed every 5 s while open. Takes a session key, an
 * API node of the explorer, else the only running mock API, else asks which. Resolves with the page's first
 * render. It only reads counts in memory.
 */
export class ShowMockMetricsCommand implements Command {
  readonly id = showMockMetricsCommandId;

  constructor(
    private readonly sessions: MockSessions,
    private readonly context: vscode.ExtensionContext,
  ) {}

  async execute(arg?: unknown): Promise<MetricsRender | undefined> {
    const session = await this.pick(arg);
    if (session === undefined) return undefined;
    const title = `Mock: ${session.apiName}`;
    const panel = openMetricsPanel(this.context, {
      key: `mock:${session.key}`,
      title,
      refreshSeconds: 5,
      load: (windowMs) => {
        const running = this.sessions.get(session.file, session.apiName);
        if (running === undefined)
          return Promise.reject(new Error(`The mock API ${session.apiName} is not running: start it again to count.`));
        return Promise.resolve(
          running.metrics.report(windowMs, `${title} · ${running.stage} (${running.metrics.apiType})`),
        );
      },
    });
    return panel.nextRender();
  }

  private async pick(arg: unknown): Promise<MockSession | undefined> {
    const running = this.sessions.list();
    const node = asExplorerNode(arg);
    let key = typeof arg === 'string' ? arg : undefined;
    if (node?.kind === 'api' || node?.kind === 'route') key = sessionKey(node.api.loc.file, node.api.name);
    if (key !== undefined) {
      const session = running.find((s) => s.key === key);
      if (session === undefined)
        throw new UserError(
          'That mock API is not running: start it (API Gateway: Start Mock API), then send requests.',
        );
      return session;
    }
    if (running.length === 0)
      throw new UserError('No mock API is running: start one (API Gateway: Start Mock API), then send requests.');
    if (running.length === 1) return running[0];
    const picked = await vscode.window.showQuickPick(
      running.map((s) => ({ label: s.apiName, description: s.url, session: s })),
      { placeHolder: 'Show the metrics of which mock API?' },
    );
    return picked?.session;
  }
}
