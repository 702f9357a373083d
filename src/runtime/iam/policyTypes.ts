// The resource policy as read from a definition, the request it is evaluated for, and the decision. Types only.
/*
 * A REST API's resource policy (`x-amazon-apigateway-policy`, or the `Policy` of an AWS::ApiGateway::RestApi), read
 * and checked once per load, then evaluated for `execute-api:Invoke` on each request's ARN as IAM evaluates policies:
 * a statement applies when its principal, action, resource and every condition match; an applying Deny wins over any
 * Allow; nothing applying is an implicit deny.
 */

export interface ResourcePolicy {
  statements: PolicyStatement[];
}

export interface PolicyStatement {
  /** Position in the written policy (for the trace: "statement 2 (Sid DenyOthers)"). */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** `*`, or AWS principals (ARNs / account ids; `*`); undefined with NotPrincipal. */
  principal?: Principals;
  notPrincipal?: Principals;
  action?: string[];
  notAction?: string[];
  /** Resource patterns as written, intrinsics resolved (undefined entries could not be resolved: never match). */
  resource?: (string | undefined)[];
  notResource?: (string | undefined)[];
  conditions: PolicyCondition[];
}

/** `"*"` is `{ any: true }`; `{"AWS": [...]}` lists ARNs / account ids; other principal types never match a caller. */
export interface Principals {
  any: boolean;
  aws: string[];
}

export interface PolicyCondition {
  /** As written, e.g. `NotIpAddress`, `StringEqualsIfExists`. */
  operator: string;
  key: string;
  values: string[];
}

/** What a request brings to the evaluation. */
export interface PolicyRequest {
  /** The caller's ARN (IAM), or undefined for an anonymous caller. */
  principalArn?: string;
  principalAccount?: string;
  /** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`. */
  resource: string;
  /** What `execute-api:/…` stands for: `arn:aws:execute-api:{region}:{account}:{apiId}`. */
  apiArn: string;
  /** Condition keys by lower-case name (`aws:sourceip`…); absent keys are not in the request. */
  context: Record<string, string>;
}

export type PolicyDecision = { effect: 'allow' | 'deny'; statement: PolicyStatement } | { effect: 'neither' };

export type PolicyRead = { ok: true; policy: ResourcePolicy; warnings: string[] } | { ok: false; message: string };

/** The values CloudFormation would substitute in a policy: `${AWS::Region}`, `${AWS::AccountId}`, the API's id. */
export type PolicyVariables = Record<string, string>;
