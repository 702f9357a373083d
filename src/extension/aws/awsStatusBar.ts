import * as vscode from 'vscode';
import type { AwsConnection } from './awsConnection';
import { placeTitle } from './awsPlace';
import { awsCommandIds } from './awsCommandIds';

/**
 * `$(cloud) profile · region` in the status bar; a click opens the profile picker. Created only once the AWS
 * view has been shown or a deploy starts (show()), so activation never resolves a place.
 */
export class AwsStatusBar implements vscode.Disposable {
  private item?: vscode.StatusBarItem;
  private readonly subscription: { dispose(): void };

  constructor(private readonly connection: AwsConnection) {
    this.subscription = connection.onDidChange(() => this.update());
  }

  /** The text shown, or undefined while hidden (the tests read it). */
  get text(): string | undefined {
    return this.item?.text;
  }

  show(): void {
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('apigw.aws.place', vscode.StatusBarAlignment.Left, 40);
      this.item.name = 'AWS Profile and Region';
      this.item.command = awsCommandIds.chooseProfile;
      this.update();
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item?.dispose();
  }

  private update(): void {
    const item = this.item;
    if (!item) return;
    const resolved = this.connection.resolved;
    if (!resolved) {
      item.text = '$(cloud) AWS';
      item.tooltip = 'API Gateway Studio: the AWS profile and region. Click to choose a profile.';
      // Resolving the place reads the settings and the profiles; the listener runs update() again.
      this.connection.connect().catch(() => undefined);
      return;
    }
    item.text = `$(cloud) ${placeTitle(resolved)}`;
    const endpoint = resolved.place.endpointUrl;
    item.tooltip =
      `API Gateway Studio calls AWS as profile ${resolved.profileLabel} in ${resolved.place.region}` +
      `${endpoint ? `, at ${endpoint}` : ''}. Click to choose another profile.`;
  }
}
