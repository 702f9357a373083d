import type * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsServices } from '../aws/awsServices';
import type { Command } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { CompareWithDeployedCommand } from './compareCommand';
import { DeployApiCommand } from './deployApiCommand';
import { DeployDiagnostics } from './deployDiagnostics';
import { DriftMarks, type ApiMarks } from './driftMarks';
import { PlanDocuments } from './planDocuments';
import { Questions, type QuestionAnswerer, type DeployQuestion } from './questions';
import { TargetMemory } from './targetMemory';
import type { DiagnosticsSource } from './validation';

export type { DeployOptions, DeployRun } from './deployApiCommand';
export type { CompareOptions, CompareRun } from './compareCommand';
export type { DeployQuestion, QuestionAnswerer } from './questions';

export interface DeployDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  files: () => IndexedFile[];
  aws: AwsServices;
  server: DiagnosticsSource;
  /** The Workspace APIs tree, which shows the drift marks. */
  tree: { decorate(marks: ApiMarks): vscode.Disposable };
  showLog(): void;
}

/** What the integration tests see of deploy and drift. Not a stable API. */
export interface DeployTestApi {
  /** Answers deploy's modal questions (save, warnings, the plan's confirmation, choose again); undefined: ask the user. */
  answerQuestions(answerer: QuestionAnswerer | undefined): void;
  /** The questions asked so far, newest last. */
  questions(): readonly DeployQuestion[];
  /** The 'apigw-deploy' diagnostics of a file. */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** The text of the last plan shown (a deploy's, or a stage operation's such as its logging settings). */
  lastPlan(): { uri: vscode.Uri; text: string } | undefined;
}

/**
 * Wires deploy and drift into VS Code (part of dist/features/aws-ui.js): Deploy API… (palette, Workspace APIs
 * tree, editor title), Compare with Deployed over read-only documents, the 'apigw-deploy' diagnostics and the
 * drift marks of the tree. The commands are returned: they are registered at activation (src/extension/aws).
 */
export function registerDeploy(deps: DeployDeps): {
  commands: Command[];
  testApi: DeployTestApi;
  /** The modal questions and plan documents, shared by the stage operations (one plan-and-confirm flow). */
  questions: Questions;
  plans: PlanDocuments;
} {
  const { context, logger } = deps;
  const memory = new TargetMemory(context.workspaceState);
  const questions = new Questions();
  const diagnostics = new DeployDiagnostics();
  const plans = new PlanDocuments();
  const marks = new DriftMarks(deps.aws.connection, memory, deps.fs, logger);
  const compare = new CompareWithDeployedCommand({
    aws: deps.aws,
    files: deps.files,
    fs: deps.fs,
    logger,
    memory,
    marks,
    diagnostics,
  });
  context.subscriptions.push(diagnostics, plans, marks, compare, deps.tree.decorate(marks));
  const deploy = new DeployApiCommand({
    aws: deps.aws,
    files: deps.files,
    fs: deps.fs,
    logger,
    server: deps.server,
    memory,
    questions,
    diagnostics,
    plans,
    marks,
    showLog: () => deps.showLog(),
  });
  return {
    commands: [deploy, compare],
    questions,
    plans,
    testApi: {
      answerQuestions: (answerer) => questions.answerWith(answerer),
      questions: () => questions.asked,
      diagnostics: (uri) => diagnostics.get(uri),
      lastPlan: () => plans.last,
    },
  };
}
