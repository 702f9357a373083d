import * as vscode from 'vscode';
import type { DeployPlan } from '../../aws/types';
import { planTitle } from './planText';
import { ReadOnlyDocuments } from './readOnlyDocuments';

export const planScheme = 'apigw-plan';

/**
 * The deploy plan as a read-only document beside the definition (the core's formatPlan: what is added, changed
 * and removed by category, then the calls), shown before the confirmation so it can be read while deciding.
 */
export class PlanDocuments implements vscode.Disposable {
  readonly documents = new ReadOnlyDocuments(planScheme);
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(planScheme, this.documents);
  /** The last plan shown (the tests read it). */
  last?: { uri: vscode.Uri; text: string };

  async show(plan: DeployPlan, text: string): Promise<vscode.Uri> {
    return this.showText(planTitle(plan), text);
  }

  /** Shows any plan's text under `title` (the stage operations' plans: logging settings). */
  async showText(title: string, text: string): Promise<vscode.Uri> {
    const uri = await this.documents.showBeside(title, text);
    this.last = { uri, text };
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.documents.dispose();
  }
}
