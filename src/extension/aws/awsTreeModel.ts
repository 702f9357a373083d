import type { CustomDomain } from '../../aws/domains/types';
import type { DeployedApiDetails, DeployedApiSummary } from '../../aws/types';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from './awsConnection';
import {
  apiNodes,
  detailNodes,
  nodeKey,
  presentChildren,
  problemNode,
  type AwsApiNode,
  type AwsNode,
  type AwsPlaceNode,
} from './awsNodes';
import { placeTitle } from './awsPlace';
import { listStageChildren } from '../stageOperations/stageHistory';

/** How many APIs one page of the view shows before "Load more" (an account may have thousands). */
export const defaultPageSize = 200;

const root = Symbol('root');
type Key = AwsNode | typeof root;

/** The children of one node: final, or a loading placeholder while `pending` runs. */
interface Listing {
  children: AwsNode[];
  pending?: Promise<void>;
}

/** The APIs of a place, pulled from the core's async generator one page at a time. */
interface ApiPages {
  iterator: AsyncIterator<DeployedApiSummary>;
  apis: DeployedApiSummary[];
  /** The first API of the next page, pulled to know whether there is one. */
  next?: DeployedApiSummary;
  done: boolean;
}

/**
 * The AWS view's data, without `vscode`: what each node's children are, loaded lazily (an API's stages and
 * routes only when it is expanded), cached until refreshed, paged, and never failing: a failure becomes a
 * placeholder node and one log line. `children()` answers at once (a loading node while a listing runs) and
 * reports through `onDidChange` when a listing is ready.
 */
export class AwsTreeModel {
  private readonly listings = new Map<Key, Listing>();
  private readonly pages = new WeakMap<AwsPlaceNode, ApiPages>();
  private readonly details = new WeakMap<AwsApiNode, DeployedApiDetails>();
  /** The custom domains of the place the view shows, listed once until refreshed (stages show their URLs on them). */
  private domains: Promise<CustomDomain[]> | undefined;
  private readonly parents = new WeakMap<AwsNode, AwsNode>();
  private readonly ids = new WeakMap<AwsNode, string>();
  private readonly listeners = new Set<(node: AwsNode | undefined) => void>();
  private readonly pageSize: number;

  constructor(
    private readonly connection: AwsConnection,
    private readonly logger: Logger,
    options: { pageSize?: number } = {},
  ) {
    this.pageSize = options.pageSize ?? defaultPageSize;
  }

  /** Called with the node whose children (or look) changed; undefined for the whole view. */
  onDidChange(listener: (node: AwsNode | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The children to show now: cached ones, or a loading node while they are listed (never throws, never waits). */
  children(parent?: AwsNode): AwsNode[] {
    if (parent) {
      const present = presentChildren(parent);
      if (present) return this.remember(parent, present);
    }
    const key: Key = parent ?? root;
    let listing = this.listings.get(key);
    if (!listing) {
      listing = { children: [{ kind: 'aws.loading', message: loadingMessage(parent) }] };
      this.listings.set(key, listing);
      listing.pending = this.load(key, listing);
    }
    return this.remember(parent, listing.children);
  }

  /** The children once every listing they wait on has finished (for commands and tests). */
  async childrenWhenLoaded(parent?: AwsNode): Promise<AwsNode[]> {
    for (;;) {
      const children = this.children(parent);
      const pending = this.listings.get(parent ?? root)?.pending;
      if (!pending) return children;
      await pending;
    }
  }

  getParent(node: AwsNode): AwsNode | undefined {
    return this.parents.get(node);
  }

  /** An id unique in the view and stable across refreshes (so the view keeps what was expanded). */
  idOf(node: AwsNode): string | undefined {
    return this.ids.get(node);
  }

  /**
   * Lists a node's children again: an error node's parent (Retry), a place or an API, or, for undefined or any
   * other node, the whole view (then the settings and profiles are read again and new clients made).
   */
  refresh(node?: AwsNode): void {
    const target = node?.kind === 'aws.error' ? node.retry : node;
    if (target?.kind === 'aws.domains') this.domains = undefined;
    if (
      target?.kind === 'aws.place' ||
      target?.kind === 'aws.api' ||
      target?.kind === 'aws.domains' ||
      target?.kind === 'aws.stage'
    ) {
      if (target.kind === 'aws.api') this.details.delete(target);
      if (target.kind === 'aws.place') this.domains = undefined;
      this.forget(target);
      this.fire(target);
      return;
    }
    this.forget(root);
    this.domains = undefined;
    this.connection.reset();
    this.fire(undefined);
  }

  /** The custom domains of the place (listed once until refreshed; throws what the core throws). */
  async customDomains(): Promise<CustomDomain[]> {
    const listing = (this.domains ??= this.connection
      .connect()
      .then(({ facade, clients }) => facade.listCustomDomains(clients)));
    try {
      return await listing;
    } catch (err) {
      if (this.domains === listing) this.domains = undefined;
      throw err;
    }
  }

  /** Lists the custom domains again: the "Custom Domains" node and every listed API's stages (their URLs). */
  refreshDomains(): void {
    this.domains = undefined;
    for (const node of this.listings.get(root)?.children ?? []) {
      if (node.kind !== 'aws.place') continue;
      for (const child of this.listings.get(node)?.children ?? []) {
        if (child.kind !== 'aws.domains' && !(child.kind === 'aws.api' && this.listings.has(child))) continue;
        if (child.kind === 'aws.api') this.details.delete(child);
        this.forget(child);
        this.fire(child);
      }
    }
  }

  /** The APIs of the place listed so far, by id. */
  knownApis(): Map<string, DeployedApiSummary> {
    const apis = new Map<string, DeployedApiSummary>();
    for (const node of this.listings.get(root)?.children ?? []) {
      if (node.kind !== 'aws.place') continue;
      for (const api of this.pages.get(node)?.apis ?? []) apis.set(api.id, api);
    }
    return apis;
  }

  /** Shows the next page of APIs under a place ("Load more"). */
  async loadMore(node: AwsNode): Promise<void> {
    const place = node.kind === 'aws.loadMore' ? node.place : node;
    const listing = this.listings.get(place);
    const pages = place.kind === 'aws.place' ? this.pages.get(place) : undefined;
    if (place.kind !== 'aws.place' || !listing || !pages || listing.pending || pages.done) return;
    listing.children = [...apiNodes(pages.apis, place.resolved.place.region), loadingNode('Loading more APIs…')];
    this.fire(place);
    listing.pending = this.pullAndShow(place, listing, pages);
    await listing.pending;
  }

  /** An API's details: cached when its node was expanded, else fetched (throws what the core throws). */
  async apiDetails(node: AwsApiNode): Promise<DeployedApiDetails> {
    const cached = this.details.get(node);
    if (cached) return cached;
    const { facade, clients } = await this.connection.connect();
    const details = await facade.getApiDetails(clients, node.api);
    this.details.set(node, details);
    return details;
  }

  /** The node of an API by id, pulling further pages until it is found (undefined when it is not there). */
  async findApi(apiId: string): Promise<AwsApiNode | undefined> {
    const place = (await this.childrenWhenLoaded()).find((n): n is AwsPlaceNode => n.kind === 'aws.place');
    if (!place) return undefined;
    for (;;) {
      const children = await this.childrenWhenLoaded(place);
      const found = children.find((n): n is AwsApiNode => n.kind === 'aws.api' && n.api.id === apiId);
      if (found) return found;
      const more = children.find((n) => n.kind === 'aws.loadMore');
      if (!more) return undefined;
      await this.loadMore(more);
    }
  }

  dispose(): void {
    this.forget(root);
    this.listeners.clear();
  }

  private async load(key: Key, listing: Listing): Promise<void> {
    const parent = key === root ? undefined : key;
    let children: AwsNode[];
    try {
      children = await this.list(parent, listing);
    } catch (err) {
      children = [this.failed(err, parent)];
    }
    if (this.listings.get(key) !== listing) return; // refreshed meanwhile: a newer listing is under way
    listing.children = children;
    listing.pending = undefined;
    this.fire(parent);
  }

  private async list(parent: AwsNode | undefined, listing: Listing): Promise<AwsNode[]> {
    if (parent === undefined) {
      const { resolved } = await this.connection.connect();
      return [{ kind: 'aws.place', resolved }];
    }
    if (parent.kind === 'aws.place') return this.listApis(parent, listing);
    if (parent.kind === 'aws.stage') {
      const { clients } = await this.connection.connect();
      return listStageChildren(this.connection, clients, parent);
    }
    if (parent.kind === 'aws.api') {
      const { facade, clients } = await this.connection.connect();
      const details = await facade.getApiDetails(clients, parent.api);
      this.details.set(parent, details);
      return this.withDomainUrls(detailNodes(details));
    }
    if (parent.kind === 'aws.domains') {
      const domains = await this.customDomains();
      if (domains.length === 0) return [{ kind: 'aws.empty', message: 'No custom domain names' }];
      const apis = this.knownApis();
      return domains.map((domain) => ({ kind: 'aws.domain', domain, apis }));
    }
    return [];
  }

  /** Stage nodes with their URLs on the custom domains; without them when the domains cannot be listed. */
  private async withDomainUrls(nodes: AwsNode[]): Promise<AwsNode[]> {
    let domains: CustomDomain[];
    try {
      domains = await this.customDomains();
    } catch (err) {
      this.logger.debug(`AWS view: no custom domain URLs: ${this.connection.describe(err, 'GetDomainNames').message}`);
      return nodes;
    }
    const { facade } = await this.connection.connect();
    return nodes.map((node) =>
      node.kind === 'aws.stage'
        ? { ...node, customDomainUrls: facade.customDomainUrlsOf(domains, node.api, node.stage.name) }
        : node,
    );
  }

  private async listApis(place: AwsPlaceNode, listing: Listing): Promise<AwsNode[]> {
    const { facade, clients } = await this.connection.connect();
    this.identify(place, facade.whoAmI(clients));
    const pages: ApiPages = { iterator: facade.listApis(clients)[Symbol.asyncIterator](), apis: [], done: false };
    this.pages.set(place, pages);
    await this.pullPage(pages);
    if (this.listings.get(place) !== listing) void pages.iterator.return?.();
    return this.apiChildren(place, pages);
  }

  private async pullAndShow(place: AwsPlaceNode, listing: Listing, pages: ApiPages): Promise<void> {
    let children: AwsNode[];
    try {
      await this.pullPage(pages);
      children = this.apiChildren(place, pages);
    } catch (err) {
      children = [...apiNodes(pages.apis, place.resolved.place.region), this.failed(err, place)];
    }
    if (this.listings.get(place) !== listing) return;
    listing.children = children;
    listing.pending = undefined;
    this.fire(place);
  }

  /** Pulls one page (plus one API, to know whether another page follows). */
  private async pullPage(pages: ApiPages): Promise<void> {
    const page: DeployedApiSummary[] = [];
    if (pages.next) page.push(pages.next);
    pages.next = undefined;
    while (page.length < this.pageSize) {
      const result = await pages.iterator.next();
      if (result.done) {
        pages.done = true;
        break;
      }
      page.push(result.value);
    }
    if (!pages.done) {
      const peek = await pages.iterator.next();
      if (peek.done) pages.done = true;
      else pages.next = peek.value;
    }
    pages.apis.push(...page);
  }

  private apiChildren(place: AwsPlaceNode, pages: ApiPages): AwsNode[] {
    const { region } = place.resolved.place;
    const domains: AwsNode = { kind: 'aws.domains', place };
    if (pages.apis.length === 0) return [domains, { kind: 'aws.empty', message: `No APIs in ${region}` }];
    const nodes = [domains, ...apiNodes(pages.apis, region)];
    if (!pages.done) nodes.push({ kind: 'aws.loadMore', place, loaded: pages.apis.length });
    return nodes;
  }

  /** Shows the account once STS answers; a failure here is left to the listing, which will report it. */
  private identify(place: AwsPlaceNode, identity: Promise<{ account: string; arn: string }>): void {
    identity.then(
      ({ account, arn }) => {
        place.account = account;
        place.arn = arn;
        this.fire(place);
      },
      (err: unknown) => this.logger.debug(`AWS: no caller identity: ${this.connection.describe(err).message}`),
    );
  }

  /** A failed listing: one log line, and the placeholder that says what to do. */
  private failed(err: unknown, parent: AwsNode | undefined): AwsNode {
    const operation =
      parent === undefined
        ? undefined
        : parent.kind === 'aws.api'
          ? 'GetApiDetails'
          : parent.kind === 'aws.domains'
            ? 'GetDomainNames'
            : parent.kind === 'aws.stage'
              ? 'GetDeployments'
              : 'ListApis';
    const problem = this.connection.describe(err, operation);
    const what =
      parent?.kind === 'aws.api'
        ? `the stages and routes of ${parent.api.name} (${parent.api.id})`
        : parent?.kind === 'aws.place'
          ? `the APIs of ${placeTitle(parent.resolved)}`
          : parent?.kind === 'aws.domains'
            ? `the custom domain names of ${placeTitle(parent.place.resolved)}`
            : parent?.kind === 'aws.stage'
              ? `the deployments of stage ${parent.stage.name} of ${parent.api.name} (${parent.api.id})`
              : 'the AWS place';
    const ids = [problem.kind, problem.operation ?? operation, problem.requestId && `request ${problem.requestId}`];
    this.logger.error(`AWS view: could not list ${what} (${ids.filter(Boolean).join(', ')}): ${problem.message}`);
    return problemNode(problem, parent);
  }

  /** Drops a node's listing and, recursively, its children's. */
  private forget(key: Key): void {
    const listing = this.listings.get(key);
    if (!listing) return;
    this.listings.delete(key);
    if (key !== root && key.kind === 'aws.place') void this.pages.get(key)?.iterator.return?.();
    for (const child of listing.children) this.forget(child);
  }

  private remember(parent: AwsNode | undefined, children: AwsNode[]): AwsNode[] {
    const parentId = parent ? (this.ids.get(parent) ?? '?') : '';
    const used = new Map<string, number>();
    for (const child of children) {
      if (parent) this.parents.set(child, parent);
      const base = `${parentId}/${nodeKey(child)}`;
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      this.ids.set(child, n === 0 ? base : `${base}#${n}`);
    }
    return children;
  }

  private fire(node: AwsNode | undefined): void {
    for (const listener of [...this.listeners]) listener(node);
  }
}

function loadingNode(message: string): AwsNode {
  return { kind: 'aws.loading', message };
}

function loadingMessage(parent: AwsNode | undefined): string {
  if (parent === undefined) return 'Loading the AWS SDK…';
  if (parent.kind === 'aws.place') return `Listing APIs in ${parent.resolved.place.region}…`;
  if (parent.kind === 'aws.domains') return 'Listing custom domain names…';
  return 'Loading…';
}
