import * as vscode from 'vscode';
import type { AwsClients } from '../../aws/types';
import type { Diagnostic } from '../../shared/diagnostic';
import { dictOf } from '../../shared/dict';
import type { FileSystem } from '../../shared/fileSystem';
import type { LocalApi } from './definitionPick';
import type { DeployFacade, DeploySource } from './deployFacade';
import { missingParameters } from './templateParameters';

export type Prepared = { ok: true; source: DeploySource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * What a deploy would send for the local API: the core's prepareDeploySource on the editor's text, with the
 * region of the place and, when the definition names `AWS::AccountId`, the account from STS.
 */
export async function prepareLocal(
  facade: DeployFacade,
  clients: AwsClients,
  local: Pick<LocalApi, 'definition' | 'api'> & { text: string },
  parameters: Record<string, string>,
  fs: FileSystem,
): Promise<Prepared> {
  let accountId: string | undefined;
  if (local.text.includes('AWS::AccountId')) {
    accountId = await facade.whoAmI(clients).then(
      (who) => who.account,
      () => undefined, // the core then says which value is missing and why
    );
  }
  return facade.prepareDeploySource(local.definition, local.api, {
    text: local.text,
    parameters,
    pseudo: { region: clients.place.region, ...(accountId !== undefined ? { accountId } : {}) },
    fs,
  });
}

/**
 * prepareLocal, asking for the template parameters the body uses that have no value and no Default (input
 * boxes, `given` answering first). Undefined: cancelled; `{ ok: false }`: other problems, for the caller to show.
 */
export async function prepareAsking(
  facade: DeployFacade,
  clients: AwsClients,
  local: LocalApi,
  given: Record<string, string>,
  fs: FileSystem,
  title: string,
): Promise<Prepared | undefined> {
  const parameters = dictOf(given);
  const text = local.document.getText();
  for (;;) {
    const prepared = await prepareLocal(facade, clients, { ...local, text }, parameters, fs);
    if (prepared.ok) return prepared;
    const names = missingParameters(prepared.diagnostics)?.filter((n) => !(n in parameters));
    if (names === undefined || names.length === 0) return prepared;
    for (const name of names) {
      const value = await vscode.window.showInputBox({
        title,
        prompt: `Value of the template parameter ${name}: the API uses it, and it has no Default`,
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' ? 'Give a value (CloudFormation would ask for one too).' : undefined),
      });
      if (value === undefined) return undefined;
      parameters[name] = value;
    }
  }
}
