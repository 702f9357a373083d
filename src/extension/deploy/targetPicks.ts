import * as vscode from 'vscode';
import type { AwsApiKind, AwsClients, DeployedApiSummary } from '../../aws/types';
import type { Logger } from '../../shared/logger';
import type { DeployFacade } from './deployFacade';
import { defaultStageName, stageNameProblem } from './stageNames';
import type { RememberedTarget } from './targetMemory';

/** An API to deploy to: a new one, or an existing one of the definition's kind. */
export type ApiChoice = { kind: 'new' } | { kind: 'existing'; api: DeployedApiSummary };

export interface TargetPickContext {
  facade: DeployFacade;
  clients: AwsClients;
  logger: Logger;
  /** The definition's API name and kind. */
  apiName: string;
  apiKind: AwsApiKind;
  remembered?: RememberedTarget;
  /** Offer "New API" (deploy) or not (compare). */
  allowNew: boolean;
  /** What the pickers say the choice is for ("Deploy Pets API", "Compare Pets API"). */
  title: string;
}

type ApiItem = vscode.QuickPickItem & { choice?: ApiChoice };

/**
 * The target API: the remembered one first, "New API", then the account's APIs of the same kind as they are
 * listed (the picker shows at once and fills while the listing runs). Undefined: cancelled.
 */
export async function pickTargetApi(ctx: TargetPickContext): Promise<ApiChoice | undefined> {
  const pick = vscode.window.createQuickPick<ApiItem>();
  pick.title = ctx.title;
  pick.placeholder = `Where should "${ctx.apiName}" go? (${ctx.apiKind} APIs of ${ctx.clients.place.region})`;
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  const head: ApiItem[] = [];
  const remembered = ctx.remembered;
  if (remembered !== undefined) {
    head.push({
      label: `$(history) ${remembered.apiName ?? remembered.apiId}`,
      description: `${remembered.apiId} · last used with stage ${remembered.stage}`,
      choice: {
        kind: 'existing',
        api: { id: remembered.apiId, name: remembered.apiName ?? remembered.apiId, kind: remembered.kind },
      },
    });
  }
  if (ctx.allowNew)
    head.push({
      label: '$(add) New API',
      description: `create a new ${ctx.apiKind} API "${ctx.apiName}"`,
      choice: { kind: 'new' },
    });
  pick.items = head;
  pick.busy = true;
  let cancelled = false;
  const listing = (async () => {
    const found: ApiItem[] = [];
    try {
      for await (const api of ctx.facade.listApis(ctx.clients)) {
        if (cancelled) return;
        if (api.kind !== ctx.apiKind || api.id === remembered?.apiId) continue;
        found.push({
          label: api.name,
          description: `${api.id}${api.description ? ` · ${api.description}` : ''}`,
          choice: { kind: 'existing', api },
        });
        if (found.length % 50 === 1) pick.items = [...head, separator('Existing APIs'), ...found];
      }
      pick.items = found.length === 0 ? head : [...head, separator(`Existing ${ctx.apiKind} APIs`), ...found];
    } catch (err) {
      ctx.logger.warn('Deploy: could not list the APIs of the account', err);
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      pick.items = [...head, { label: '$(warning) Could not list the existing APIs', detail: message }];
    } finally {
      pick.busy = false;
    }
  })();
  const chosen = await new Promise<ApiChoice | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (item?.choice !== undefined) {
        resolve(item.choice);
        pick.hide();
      }
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  cancelled = true;
  pick.dispose();
  void listing;
  return chosen;
}

function separator(label: string): ApiItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/**
 * The stage: an existing stage of the target, or a new name checked as API Gateway checks it. The remembered
 * stage, else the template's, is offered first. Undefined: cancelled.
 */
export async function pickStage(
  ctx: TargetPickContext,
  choice: ApiChoice,
  declared: string | undefined,
): Promise<string | undefined> {
  const preferred =
    ctx.remembered !== undefined && choice.kind === 'existing' && choice.api.id === ctx.remembered.apiId
      ? ctx.remembered.stage
      : defaultStageName(ctx.apiKind, declared);
  if (choice.kind === 'new') return enterStage(ctx, preferred);
  let stages: string[] = [];
  try {
    const details = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Listing the stages of ${choice.api.name}…` },
      () => ctx.facade.getApiDetails(ctx.clients, choice.api),
    );
    stages = details.stages.map((s) => s.name).sort();
  } catch (err) {
    ctx.logger.warn(`Deploy: could not list the stages of ${choice.api.id}`, err);
  }
  if (stages.length === 0) return enterStage(ctx, preferred);
  const ordered = [...stages.filter((s) => s === preferred), ...stages.filter((s) => s !== preferred)];
  const newItem = { label: '$(add) New stage…', stage: undefined };
  const items = [
    ...ordered.map((stage) => ({ label: stage, description: stage === preferred ? 'last used' : '', stage })),
    ...(ctx.allowNew ? [newItem] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: ctx.title,
    placeHolder: `The stage of ${choice.api.name} to ${ctx.allowNew ? 'deploy to' : 'compare with'}`,
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  return picked.stage ?? enterStage(ctx, stages.includes(preferred) ? '' : preferred);
}

function enterStage(ctx: TargetPickContext, value: string): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: ctx.title,
      prompt: `The stage to ${ctx.allowNew ? 'deploy to (it is created if it does not exist)' : 'compare with'}`,
      value,
      ignoreFocusOut: true,
      validateInput: (name) => stageNameProblem(ctx.apiKind, name.trim()),
    })
    .then((name) => name?.trim());
}

/** REST, existing API: how PutRestApi applies the definition; the remembered mode first. */
export async function pickMode(ctx: TargetPickContext): Promise<'overwrite' | 'merge' | undefined> {
  const items = [
    {
      label: 'Overwrite',
      description: 'the API becomes the definition (parts not in it are removed)',
      mode: 'overwrite' as const,
    },
    { label: 'Merge', description: 'add and update from the definition, never remove', mode: 'merge' as const },
  ];
  if (ctx.remembered?.mode === 'merge') items.reverse();
  const picked = await vscode.window.showQuickPick(items, {
    title: ctx.title,
    placeHolder: 'How should the definition update the API?',
    ignoreFocusOut: true,
  });
  return picked?.mode;
}

/** REST, new API: the endpoint type; the template's own first. */
export async function pickEndpointType(
  ctx: TargetPickContext,
  declared: 'EDGE' | 'REGIONAL' | 'PRIVATE' | undefined,
): Promise<'EDGE' | 'REGIONAL' | 'PRIVATE' | undefined> {
  const items = [
    { label: 'REGIONAL', description: 'served from this region', type: 'REGIONAL' as const },
    { label: 'EDGE', description: 'through CloudFront edge locations (API Gateway’s default)', type: 'EDGE' as const },
    { label: 'PRIVATE', description: 'only from your VPCs through interface endpoints', type: 'PRIVATE' as const },
  ];
  const ordered =
    declared === undefined
      ? items
      : [...items.filter((i) => i.type === declared), ...items.filter((i) => i.type !== declared)];
  if (declared !== undefined && ordered[0])
    ordered[0] = { ...ordered[0], description: `${ordered[0].description} — the template's` };
  const picked = await vscode.window.showQuickPick(ordered, {
    title: ctx.title,
    placeHolder: 'The endpoint type of the new REST API',
    ignoreFocusOut: true,
  });
  return picked?.type;
}
