import * as vscode from 'vscode';
import type { Confirmation } from './planText';

/** A modal question of deploy; the test hook answers it instead of the user. */
export interface DeployQuestion {
  kind: 'save' | 'warnings' | 'confirm' | 'retarget';
  message: string;
  detail?: string;
  /** The buttons (Cancel is always there besides). */
  choices: string[];
}

export type QuestionAnswerer = (question: DeployQuestion) => string | undefined | Promise<string | undefined>;

/**
 * The modal questions deploy asks (save first, deploy despite warnings, confirm the plan, choose the target
 * again). Always asked of the user, unless an integration test installed an answerer through the extension's
 * test API.
 */
export class Questions {
  private answerer: QuestionAnswerer | undefined;
  /** The questions asked, newest last (the tests read what was asked). */
  readonly asked: DeployQuestion[] = [];

  answerWith(answerer: QuestionAnswerer | undefined): void {
    this.answerer = answerer;
  }

  /** Asks to confirm a change to AWS (its plan already shown): whether its button was chosen. */
  async confirm(confirmation: Confirmation): Promise<boolean> {
    const { message, detail, button } = confirmation;
    return (await this.ask({ kind: 'confirm', message, detail, choices: [button] })) === button;
  }

  /** The chosen button, or undefined when cancelled. */
  async ask(question: DeployQuestion): Promise<string | undefined> {
    this.asked.push(question);
    if (this.asked.length > 50) this.asked.shift();
    if (this.answerer !== undefined) return this.answerer(question);
    const options: vscode.MessageOptions = { modal: true };
    if (question.detail !== undefined) options.detail = question.detail;
    return vscode.window.showWarningMessage(question.message, options, ...question.choices);
  }
}
