import type { Command } from '../commands/commandRegistry';
import { asAwsNode } from './awsNodes';
import { awsCommandIds } from './awsPresentation';
import type { AwsTreeModel } from './awsTreeModel';

/** "Refresh AWS APIs": the whole view (title bar), one place or API (its menu), or an error node's Retry. */
export class RefreshAwsApisCommand implements Command {
  readonly id = awsCommandIds.refresh;
  constructor(private readonly model: AwsTreeModel) {}

  execute(arg?: unknown): void {
    this.model.refresh(asAwsNode(arg));
  }
}

/** The "Load more…" node: shows the next page of APIs. */
export class LoadMoreAwsApisCommand implements Command {
  readonly id = awsCommandIds.loadMore;
  constructor(private readonly model: AwsTreeModel) {}

  async execute(arg?: unknown): Promise<void> {
    const node = asAwsNode(arg);
    if (node) await this.model.loadMore(node);
  }
}
