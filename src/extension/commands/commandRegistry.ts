import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';

/** A command: its id and behaviour together, dependencies through the constructor. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers commands and owns their disposal. A command that throws is logged and reported to the user once,
 * here; commands themselves neither catch-and-show nor log their failures.
 */
export class CommandRegistry implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly showLog: () => void,
  ) {}

  register(...commands: Command[]): void {
    for (const command of commands) {
      this.registrations.push(
        vscode.commands.registerCommand(command.id, (...args: unknown[]) => this.run(command, args)),
      );
    }
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.registrations.length = 0;
  }

  private async run(command: Command, args: unknown[]): Promise<unknown> {
    try {
      return await command.execute(...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Command ${command.id} failed`, err);
      void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
        if (choice === 'Show Log') this.showLog();
      });
      return undefined;
    }
  }
}

/** An expected failure whose message is shown as is (it already says what to do). */
export class UserError extends Error {
  override readonly name = 'UserError';
}
