import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GatewayApi } from '../../model';
import { pickApi } from '../commands/apiPick';
import { UserError, type Command } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { IndexedFile } from '../explorer/nodes';
import { displayCommandLine, dryRunArguments, terminalText } from './dryRunCommandLine';
import { findGetStartedExample } from './getStartedExample';

export const deployDryRunCommandId = 'apigw.deployDryRun';

/** What a dry run did, for the caller (the walkthrough's test). */
export interface DryRunResult {
  file: string;
  apiName: string;
  /** As the terminal shows it: `apigw deploy FILE --stage NAME --dry-run --region R`. */
  commandLine: string;
  /** apigw's exit status (null when it was stopped). */
  exitCode: number | null;
  /** What it printed, stdout and stderr as they came. */
  output: string;
}

export interface DeployDryRunDeps {
  extensionPath: string;
  files: () => IndexedFile[];
  whenIdle: () => Promise<void>;
}

interface Target {
  file: string;
  api: GatewayApi;
  apisInFile: number;
}

const terminalName = 'apigw deploy --dry-run';

export const dryRunTrustRefusal =
  'Deploy Dry Run is disabled in Restricted Mode: like Deploy API it reads this workspace with your AWS settings, ' +
  'which this workspace is not trusted to use. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.';

/**
 * "Deploy Dry Run in Terminal" (the walkthrough's deploy step): runs the extension's own `apigw deploy --dry-run`
 * for a new API on a definition — a tree node's, the active editor's, else the Get Started example, else the one
 * picked — in a terminal, with the Node that runs the extension host. It prints the plan and changes nothing:
 * --dry-run returns before any question or change, and planning a new API reads nothing deployed
 * (see dryRunCommandLine.ts). Resolves when the CLI has exited.
 */
export class DeployDryRunCommand implements Command, vscode.Disposable {
  readonly id = deployDryRunCommandId;
  private terminal: vscode.Terminal | undefined;

  constructor(private readonly deps: DeployDryRunDeps) {}

  async execute(arg?: unknown): Promise<DryRunResult | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError(dryRunTrustRefusal);
    const cli = path.join(this.deps.extensionPath, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) throw new UserError(`The apigw command line is missing (${cli}): build the extension.`);
    await this.deps.whenIdle();
    const target = await this.target(arg);
    if (!target) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file));
    const cwd = folder?.uri.fsPath ?? path.dirname(target.file);
    const args = dryRunArguments({
      file: path.relative(cwd, target.file),
      api: target.api,
      apisInFile: target.apisInFile,
      regionSetting: vscode.workspace.getConfiguration('apigw.aws').get<string>('region', ''),
      env: process.env,
    });
    const commandLine = displayCommandLine(args);
    const pty = new OutputTerminal();
    this.terminal?.dispose();
    this.terminal = vscode.window.createTerminal({
      name: terminalName,
      pty,
      iconPath: new vscode.ThemeIcon('cloud-upload'),
    });
    this.terminal.show(true);
    pty.write(`$ ${commandLine}\n`);
    let output = '';
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      // The extension host's Node: Electron's runs as plain Node with ELECTRON_RUN_AS_NODE.
      const child = spawn(process.execPath, [cli, ...args], {
        cwd,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const take = (chunk: Buffer): void => {
        const text = chunk.toString('utf8');
        output += text;
        pty.write(text);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (err) => reject(new UserError(`Could not run apigw: ${err.message}`)));
      child.on('close', (code) => resolve(code));
      pty.onClose(() => child.kill());
    });
    pty.write(
      exitCode === 0
        ? '\nDry run: nothing was changed in AWS. "Deploy API..." shows this plan for a real target and deploys only after you confirm.\n'
        : `\napigw deploy --dry-run ended with status ${exitCode ?? 'stopped'}; nothing was changed in AWS.\n`,
    );
    return { file: target.file, apiName: target.api.name, commandLine, exitCode, output };
  }

  dispose(): void {
    this.terminal?.dispose();
  }

  private async target(arg: unknown): Promise<Target | undefined> {
    const files = this.deps.files();
    const apisOf = (file: string): GatewayApi[] => {
      const entry = files.find((f) => f.file === file);
      return entry?.result.ok ? entry.result.definition.apis : [];
    };
    const choose = async (candidates: Array<{ file: string; api: GatewayApi }>): Promise<Target | undefined> => {
      const chosen = await pickApi(candidates, { placeHolder: 'Which API should the deploy dry run plan?' });
      return chosen && { ...chosen, apisInFile: apisOf(chosen.file).length };
    };
    const withFile = (file: string) => (api: GatewayApi) => ({ file, api });
    const node = asExplorerNode(arg);
    if (node?.kind === 'api') return choose([{ file: node.api.loc.file, api: node.api }]);
    const given = node?.kind === 'file' ? node.file : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    for (const file of [given, active?.scheme === 'file' ? active.fsPath : undefined]) {
      const apis = file === undefined ? [] : apisOf(file);
      if (file !== undefined && apis.length > 0) return choose(apis.map(withFile(file)));
    }
    const example = findGetStartedExample(files);
    if (example) return choose([{ file: example.file, api: example.api }]);
    const all = files.flatMap((f) => (f.result.ok ? f.result.definition.apis.map(withFile(f.file)) : []));
    if (all.length === 0)
      throw new UserError('No API definition found in this workspace: open or create an OpenAPI definition first.');
    return choose(all);
  }
}

/** A terminal that shows what it is given (kept until open, as VS Code drops what a pty writes before). */
class OutputTerminal implements vscode.Pseudoterminal {
  private readonly writes = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writes.event;
  private pending: string[] | undefined = [];
  private readonly closeListeners: Array<() => void> = [];

  open(): void {
    for (const text of this.pending ?? []) this.writes.fire(text);
    this.pending = undefined;
  }

  close(): void {
    for (const listener of this.closeListeners.splice(0)) listener();
    this.writes.dispose();
  }

  write(text: string): void {
    const shown = terminalText(text);
    if (this.pending) this.pending.push(shown);
    else this.writes.fire(shown);
  }

  /** Runs `listener` when the user closes the terminal. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }
}
