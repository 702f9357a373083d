import type { TypeEvidence } from '../apiType';
import type { GatewayApi } from '../gatewayApi';
import type { SourceNode } from '../sourceNode';

// What the builders of a CloudFormation / SAM template's APIs share (cloudformation.ts finds the resources and
// bodies; resourceProperties.ts, restResources.ts, restMethods.ts, websocket.ts and samEvents.ts add to the APIs):
// a module of its own, so that none of them imports cloudformation.ts, which imports them.

/** An API found in a template, with what the type decision needs to know about it. */
export interface BuiltApi {
  api: GatewayApi;
  evidence: TypeEvidence;
  /** The body it was built from; SAM events and V2 routes are only added to APIs without one. */
  hasBody: boolean;
  /** SAM `Auth.ApiKeyRequired` of the API: the default of its function events' routes. */
  apiKeyRequired?: boolean;
}

/**
 * A resource of the template: its logical id, type, `Properties` (for SAM APIs, with the template's `Globals`
 * merged in), and where it is written.
 */
export interface Resource {
  logicalId: string;
  type: string;
  node: SourceNode;
  properties: SourceNode | undefined;
  loc: GatewayApi['loc'];
}

/** The API of a resource without a body, before its resources, stages and events add to it. */
export function emptyApi(name: string, source: GatewayApi['source'], loc: GatewayApi['loc']): GatewayApi {
  return {
    name,
    type: 'REST',
    typeReason: '',
    source,
    loc,
    routes: [],
    authorizers: [],
    security: [],
    validators: [],
    gatewayResponses: [],
    binaryMediaTypes: [],
    servers: [],
    extensions: {},
  };
}
