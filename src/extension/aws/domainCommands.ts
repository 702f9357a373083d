// The AWS view's custom-domain actions on a stage: "Map Stage to Custom Domain…" (choose a domain and a base path,
// read the plan in a read-only document, confirm in a modal, then the mapping is created; trusted workspaces only),
// and "Copy / Open Custom Domain URL" (the stage's URLs on the domains that map it).
import * as vscode from 'vscode';
import type { CustomDomain, StageMappingPlan } from '../../aws/domains/types';
import type { AwsApiKind } from '../../aws/types';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { ReadOnlyDocuments } from '../deploy/readOnlyDocuments';
import { awsTrustRefusal } from './awsActions';
import type { AwsConnection } from './awsConnection';
import { awsCommandIds } from './awsCommandIds';
import { asAwsNode, type AwsStageNode } from './awsNodes';
import type { AwsTreeModel } from './awsTreeModel';

export const mappingPlanScheme = 'apigw-mapping-plan';

/** What tests (and other callers) may give instead of asking: the domain, the base path, the confirmation's answer. */
export interface MapStageOptions {
  domainName?: string;
  basePath?: string;
  /** Answers the modal confirmation (the button, or undefined to cancel) instead of the user. */
  confirm?: (message: string, detail: string) => string | undefined | Promise<string | undefined>;
}

const createButton = 'Create Mapping';

function stageOf(arg: unknown, action: string): AwsStageNode {
  const node = asAwsNode(arg);
  if (node?.kind !== 'aws.stage') throw new UserError(`${action} needs a stage: right-click a stage in the AWS view.`);
  return node;
}

/** "Map Stage to Custom Domain…": plan, read-only plan document, modal confirmation, then CreateBasePathMapping / CreateApiMapping. */
export class MapStageToCustomDomainCommand implements Command, vscode.Disposable {
  readonly id = awsCommandIds.mapStageToCustomDomain;
  /** The read-only plan documents, registered on the first plan shown. */
  private documents: ReadOnlyDocuments | undefined;
  private registration: vscode.Disposable | undefined;
  /** The last plan shown (the tests read it). */
  lastPlan: { uri: vscode.Uri; text: string } | undefined;

  constructor(
    private readonly connection: AwsConnection,
    private readonly model: AwsTreeModel,
  ) {}

  async execute(arg?: unknown, options: MapStageOptions = {}): Promise<StageMappingPlan | false> {
    const refusal = awsTrustRefusal(vscode.workspace.isTrusted, 'Map Stage to Custom Domain');
    if (refusal !== undefined) throw new UserError(refusal);
    const node = stageOf(arg, 'Map Stage to Custom Domain');
    const { api, stage } = node;
    const { facade, clients, resolved } = await this.connection.connect();
    let domains: CustomDomain[];
    try {
      domains = await this.model.customDomains();
    } catch (err) {
      throw new UserError(
        `Could not list the custom domain names: ${this.connection.describe(err, 'GetDomainNames').message}`,
      );
    }
    if (domains.length === 0) {
      throw new UserError(
        `There are no custom domain names in ${resolved.place.region}: create one (with its certificate) in API Gateway first, then map the stage to it.`,
      );
    }
    const domain = await this.pickDomain(domains, options.domainName);
    if (domain === undefined) return false;
    const apiKinds = new Map<string, AwsApiKind>([...this.model.knownApis()].map(([id, a]) => [id, a.kind]));
    const request = { domain, api: { id: api.id, kind: api.kind, name: api.name }, stage: stage.name, apiKinds };
    const basePath =
      options.basePath ??
      (await vscode.window.showInputBox({
        title: `Map ${api.name} · ${stage.name} to ${domain.name}`,
        prompt: 'Base path (empty for none): the URL will be https://' + domain.name + '/BASE-PATH',
        placeHolder: 'orders or orders/v1 (empty: the domain root)',
        validateInput: (value) => {
          try {
            facade.planStageMapping({ ...request, basePath: value });
            return undefined;
          } catch (err) {
            return err instanceof Error ? err.message : String(err);
          }
        },
      }));
    if (basePath === undefined) return false;
    let plan: StageMappingPlan;
    try {
      plan = facade.planStageMapping({ ...request, basePath });
    } catch (err) {
      throw new UserError(err instanceof Error ? err.message : String(err));
    }
    const text = facade.formatStageMappingPlan(plan);
    const uri = await this.planDocuments().showBeside(`Map ${plan.domainName} ${plan.basePath || '(none)'}`, text);
    this.lastPlan = { uri, text };
    const message = `Map stage "${stage.name}" of ${api.name} (${api.id}) to ${plan.url} in ${resolved.place.region}?`;
    const detail = [
      `${plan.operation === 'CreateBasePathMapping' ? 'API Gateway v1 CreateBasePathMapping' : 'API Gateway v2 CreateApiMapping'} on ${plan.domainName}, base path ${plan.basePath || '(none)'}.`,
      ...plan.notes,
      'The plan is open beside this dialog.',
    ].join('\n');
    const answer = options.confirm
      ? await options.confirm(message, detail)
      : await vscode.window.showWarningMessage(message, { modal: true, detail }, createButton);
    if (answer !== createButton) return false;
    try {
      await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Mapping ${stage.name} of ${api.name} to ${plan.url}…`,
        },
        () => facade.createStageMapping(clients, plan),
      );
    } catch (err) {
      const problem = this.connection.describe(err, plan.operation);
      throw new UserError(`Could not map ${stage.name} of ${api.name} to ${plan.url}: ${problem.message}`);
    }
    this.model.refreshDomains();
    vscode.window.setStatusBarMessage(`Mapped ${stage.name} of ${api.name} to ${plan.url}`, 5000);
    return plan;
  }

  private async pickDomain(domains: CustomDomain[], name: string | undefined): Promise<CustomDomain | undefined> {
    if (name !== undefined) {
      const found = domains.find((d) => d.name === name);
      if (!found)
        throw new UserError(
          `There is no custom domain name ${name}: choose one of ${domains.map((d) => d.name).join(', ')}.`,
        );
      return found;
    }
    const picked = await vscode.window.showQuickPick(
      domains.map((domain) => ({
        label: domain.name,
        description: [domain.endpointType, domain.securityPolicy].filter(Boolean).join(' · '),
        detail:
          domain.mappings.length === 0
            ? 'No API mappings yet'
            : `Taken base paths: ${domain.mappings.map((m) => m.basePath || '(none)').join(', ')}`,
        domain,
      })),
      { title: 'Map Stage to Custom Domain: choose the domain name' },
    );
    return picked?.domain;
  }

  private planDocuments(): ReadOnlyDocuments {
    if (this.documents === undefined) {
      this.documents = new ReadOnlyDocuments(mappingPlanScheme);
      this.registration = vscode.workspace.registerTextDocumentContentProvider(mappingPlanScheme, this.documents);
    }
    return this.documents;
  }

  dispose(): void {
    this.registration?.dispose();
    this.documents?.dispose();
  }
}

async function chooseUrl(node: AwsStageNode, action: string, url: string | undefined): Promise<string | undefined> {
  const urls = node.customDomainUrls ?? [];
  if (urls.length === 0) {
    throw new UserError(
      `No custom domain maps stage ${node.stage.name} of ${node.api.name}: use "Map Stage to Custom Domain…" first.`,
    );
  }
  if (url !== undefined) {
    if (!urls.includes(url)) throw new UserError(`${url} is not a custom domain URL of stage ${node.stage.name}.`);
    return url;
  }
  if (urls.length === 1) return urls[0];
  return vscode.window.showQuickPick(urls, { title: `${action}: choose the URL` });
}

/** "Copy Custom Domain URL" of a stage (a pick when several domains map it). */
export class CopyCustomDomainUrlCommand implements Command {
  readonly id = awsCommandIds.copyCustomDomainUrl;

  async execute(arg?: unknown, url?: string): Promise<string | undefined> {
    const chosen = await chooseUrl(stageOf(arg, 'Copy Custom Domain URL'), 'Copy Custom Domain URL', url);
    if (chosen === undefined) return undefined;
    await vscode.env.clipboard.writeText(chosen);
    vscode.window.setStatusBarMessage(`Copied ${chosen}`, 3000);
    return chosen;
  }
}

/** "Open Custom Domain URL" of a stage in the browser (not for WebSocket stages). */
export class OpenCustomDomainUrlCommand implements Command {
  readonly id = awsCommandIds.openCustomDomainUrl;

  async execute(arg?: unknown, url?: string): Promise<boolean> {
    const chosen = await chooseUrl(stageOf(arg, 'Open Custom Domain URL'), 'Open Custom Domain URL', url);
    if (chosen === undefined) return false;
    if (!/^https?:\/\//i.test(chosen))
      throw new UserError(
        `${chosen} is a WebSocket URL, which a browser does not open: copy it into a WebSocket client.`,
      );
    return vscode.env.openExternal(vscode.Uri.parse(chosen));
  }
}
