import type { Command } from '../commands/commandRegistry';
import type { ApiLanguageServer } from './languageServer';

/** Restarts the language server (or starts it, if no API definition was open yet). */
export class RestartLanguageServerCommand implements Command {
  readonly id = 'apigw.restartLanguageServer';

  constructor(private readonly server: ApiLanguageServer) {}

  execute(): Promise<void> {
    return this.server.restart();
  }
}
