import { randomUUID } from 'node:crypto';
import type * as awsBundle from '../../aws';
import type {
  HttpInvokeRequest,
  InvokeResult as CoreInvokeResult,
  LogStep,
  SigningCredentials,
  TestInvokeInput,
} from '../../aws';
import type { AwsApiKind, AwsClients, DeployedApiDetails, DeployedRoute, DeployedStage } from '../../aws/types';
import type { AwsConnection } from '../aws/awsConnection';
import type { InvokeForm } from '../mock/invokeForm';
import type { InvokeResult } from '../mock/invokeResult';
import {
  awsTargetLabel,
  endpointOverride,
  findDeployedRoute,
  headersOf,
  InvokeInputError,
  needsSigning,
  queryOf,
  routePathOf,
  sentMethod,
  toAwsInvokeResult,
  toHttpInvokeRequest,
  toTestInvokeInput,
  type AwsInvokeTarget,
  type ResolvedAwsRoute,
  type SentRequest,
} from './awsInvokeRequest';
import { presentLog } from './invokeLog';

/** The part of dist/aws.js that Invoke on AWS calls (checked against src/aws/index.ts below). */
export interface AwsInvokeFacade {
  getApiDetails(clients: AwsClients, api: { kind: AwsApiKind; id: string }): Promise<DeployedApiDetails>;
  testInvokeMethod(clients: AwsClients, input: TestInvokeInput): Promise<CoreInvokeResult>;
  invokeHttpRoute(request: HttpInvokeRequest): Promise<CoreInvokeResult>;
  signingCredentialsOf(clients: AwsClients): SigningCredentials;
  logSteps(log: string): LogStep[];
}

/** Compile-time only: the bundle has what Invoke on AWS calls. */
type Fits<T extends AwsInvokeFacade> = T;
export type AwsInvokeBundleFits = Fits<typeof awsBundle>;

/** A failure told for people (no stack trace): AWS's problem message, or why the route cannot be sent. */
export class AwsInvokeProblem extends Error {
  override readonly name = 'AwsInvokeProblem';
}

/** Which route to send: a local route's method and path (found in the deployed API), or the deployed route itself. */
export type RouteToInvoke =
  { method: string; path: string } | { deployed: DeployedRoute; apiName: string; stage?: DeployedStage };

export interface AwsInvokerDeps {
  connection: Pick<AwsConnection, 'connect' | 'describe'>;
}

/**
 * Sends the Invoke panel's form to one route of a deployed API: REST through TestInvokeMethod (with the stage's
 * variables), HTTP by a request to the stage's invoke URL (SigV4-signed for AWS_IAM routes). What it needs of
 * AWS (the API's name, the route's resource, the stage) is read on the first send and kept; a failure is thrown
 * as an AwsInvokeProblem whose message says what went wrong and what to do. No `vscode` here.
 */
export class AwsRouteInvoker {
  private resolved?: ResolvedAwsRoute;
  private current: AwsInvokeTarget;

  constructor(
    private readonly deps: AwsInvokerDeps,
    target: AwsInvokeTarget,
    private readonly route: RouteToInvoke,
  ) {
    this.current = 'deployed' in route ? { ...target, apiName: route.apiName } : target;
  }

  /** The API (with its name once known) and stage. */
  get target(): AwsInvokeTarget {
    return this.current;
  }

  /** "AWS (stage prod of API Pets)". */
  get label(): string {
    return awsTargetLabel(this.current);
  }

  async send(form: InvokeForm): Promise<InvokeResult> {
    let operation = 'GetApiDetails';
    try {
      const { facade, clients } = await this.deps.connection.connect();
      const bundle = facade as unknown as Partial<AwsInvokeFacade>;
      if (typeof bundle.testInvokeMethod !== 'function' || typeof bundle.invokeHttpRoute !== 'function') {
        throw new AwsInvokeProblem(
          'This build of API Gateway Studio cannot invoke on AWS (its AWS bundle is older): reinstall the extension.',
        );
      }
      const aws = bundle as AwsInvokeFacade;
      const resolved = await this.resolve(aws, clients);
      const method = sentMethod(form);
      const sent: SentRequest = { method, path: routePathOf(form), query: queryOf(form), headers: {} };
      if (this.target.kind === 'REST') {
        operation = 'TestInvokeMethod';
        const input = toTestInvokeInput(form, resolved);
        Object.assign(sent, {
          headers: input.headers ?? {},
          ...(input.multiValueHeaders ? { multiValueHeaders: input.multiValueHeaders } : {}),
          ...(input.body !== undefined ? { body: input.body } : {}),
        });
        const answer = await aws.testInvokeMethod(clients, input);
        const log = presentLog(aws.logSteps(answer.log ?? ''));
        return toAwsInvokeResult(sent, resolved, answer, log, log.requestId ?? randomUUID());
      }
      operation = 'Invoke';
      const request = toHttpInvokeRequest(form, resolved);
      const hasBody = request.body !== undefined;
      const { headers, multiValueHeaders } = headersOf(form, hasBody);
      Object.assign(sent, {
        headers,
        ...(multiValueHeaders ? { multiValueHeaders } : {}),
        ...(hasBody ? { body: request.body } : {}),
      });
      const answer = await aws.invokeHttpRoute({
        ...request,
        ...(needsSigning(resolved.route)
          ? { sign: { credentials: aws.signingCredentialsOf(clients), region: resolved.region } }
          : {}),
      });
      const requestId = answer.headers['apigw-requestid'] ?? answer.headers['x-amzn-requestid'] ?? randomUUID();
      return toAwsInvokeResult(sent, resolved, answer, undefined, requestId);
    } catch (error) {
      if (error instanceof AwsInvokeProblem) throw error;
      if (error instanceof InvokeInputError) throw new AwsInvokeProblem(error.message);
      throw new AwsInvokeProblem(this.deps.connection.describe(error, operation).message);
    }
  }

  /** The deployed route, its stage and the region: read once, kept while the panel shows this target. */
  private async resolve(aws: AwsInvokeFacade, clients: AwsClients): Promise<ResolvedAwsRoute> {
    if (this.resolved) return this.resolved;
    const region = clients.place.region;
    const endpointUrl = endpointOverride(clients.place.endpointUrl, process.env);
    const where = endpointUrl !== undefined ? { endpointUrl } : {};
    const { target, route } = this;
    if ('deployed' in route && (route.stage !== undefined || target.stage === undefined)) {
      this.resolved = {
        target,
        apiName: route.apiName,
        region,
        route: route.deployed,
        ...(route.stage ? { stage: route.stage } : {}),
        ...where,
      };
      return this.resolved;
    }
    const details = await aws.getApiDetails(clients, { kind: target.kind, id: target.apiId });
    const apiName = details.api.name;
    const stage = target.stage === undefined ? undefined : details.stages.find((s) => s.name === target.stage);
    if (target.stage !== undefined && !stage) {
      const others = details.stages.map((s) => s.name).join(', ');
      throw new AwsInvokeProblem(
        `API ${apiName} (${target.apiId}) has no stage ${target.stage}${others ? ` (it has ${others})` : ''}: ` +
          'deploy it to that stage, or invoke again and pick another stage.',
      );
    }
    const deployed = 'deployed' in route ? route.deployed : findDeployedRoute(details.routes, route.method, route.path);
    if (!deployed) {
      const { method, path } = route as { method: string; path: string };
      throw new AwsInvokeProblem(
        `${method} ${path} is not a route of API ${apiName} (${target.apiId}) on AWS: deploy the definition ` +
          'first, or invoke again and pick the API it was deployed to.',
      );
    }
    this.current = { ...target, apiName };
    this.resolved = {
      target: this.current,
      apiName,
      region,
      route: deployed,
      ...(stage ? { stage } : {}),
      ...where,
    };
    return this.resolved;
  }
}
