import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Command } from './commandRegistry';

/** Rescans the workspace for API definitions. */
export class RefreshWorkspaceApisCommand implements Command {
  readonly id = 'apigw.refreshWorkspaceApis';

  constructor(private readonly index: WorkspaceIndex) {}

  async execute(): Promise<void> {
    this.index.refresh();
    await this.index.whenIdle();
  }
}
