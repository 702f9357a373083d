/** Where a command writes; injected so tests capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Current directory, for printing paths as given and resolving relative ones. */
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage error: printed with the command's usage, exit 2. */
export class UsageError extends Error {}
