import * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { AwsConnection } from './awsConnection';
import { awsCommandIds } from './awsPresentation';
import { readPlaceSettings, writePlaceSetting } from './awsSettings';
import { profilePicks, regionPicks, type PlacePick } from './placePicks';
import { regionNameProblem } from './regions';

type PickItem = vscode.QuickPickItem & { pick: PlacePick };

const asItems = (picks: PlacePick[]): PickItem[] =>
  picks.map((pick) => ({
    label: pick.label,
    ...(pick.description !== undefined ? { description: pick.description } : {}),
    ...(pick.detail !== undefined ? { detail: pick.detail } : {}),
    pick,
  }));

/** "Choose AWS Profile…": the profiles of the shared config and credentials files; writes apigw.aws.profile. */
export class ChooseAwsProfileCommand implements Command {
  readonly id = awsCommandIds.chooseProfile;
  constructor(private readonly connection: AwsConnection) {}

  async execute(): Promise<string | undefined> {
    const current = readPlaceSettings().profile;
    const items = (async (): Promise<PickItem[]> => {
      try {
        return asItems(profilePicks(await this.connection.facade().listProfiles(), current));
      } catch (err) {
        throw new UserError(`Could not read the AWS profiles: ${this.connection.describe(err).message}`);
      }
    })();
    const chosen = await vscode.window.showQuickPick(items, {
      title: 'AWS Profile',
      placeHolder: 'The profile API Gateway Studio calls AWS with (from ~/.aws/config and ~/.aws/credentials)',
      matchOnDescription: true,
    });
    if (!chosen) return undefined;
    await writePlaceSetting('profile', chosen.pick.value);
    return chosen.pick.value;
  }
}

/** "Choose AWS Region…": API Gateway's regions, or another typed in; writes apigw.aws.region. */
export class ChooseAwsRegionCommand implements Command {
  readonly id = awsCommandIds.chooseRegion;

  async execute(): Promise<string | undefined> {
    const current = readPlaceSettings().region;
    const chosen = await vscode.window.showQuickPick(asItems(regionPicks(current)), {
      title: 'AWS Region',
      placeHolder: 'The region API Gateway Studio lists and deploys APIs in',
      matchOnDescription: true,
    });
    if (!chosen) return undefined;
    let region = chosen.pick.value;
    if (chosen.pick.other) {
      const typed = await vscode.window.showInputBox({
        title: 'AWS Region',
        prompt: 'A region name, such as eu-west-1',
        value: current,
        validateInput: (value) => regionNameProblem(value),
      });
      if (typed === undefined) return undefined;
      region = typed.trim();
    }
    await writePlaceSetting('region', region);
    return region;
  }
}
