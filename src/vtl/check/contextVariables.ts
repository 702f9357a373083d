/**
 * The `$context` variables API Gateway sets for mapping templates, as a tree: `true` is a leaf, `'open'` a map
 * whose keys are the user's (authorizer context, override maps). From the AWS pages "Variables for data
 * transformations for API Gateway" (REST) and "WebSocket API mapping template reference".
 */
export type ContextTree = { readonly [name: string]: ContextTree | true | 'open' };

const identity: ContextTree = {
  accountId: true,
  apiKey: true,
  apiKeyId: true,
  caller: true,
  clientCert: {
    clientCertPem: true,
    subjectDN: true,
    issuerDN: true,
    serialNumber: true,
    validity: { notBefore: true, notAfter: true },
  },
  cognitoAuthenticationProvider: true,
  cognitoAuthenticationType: true,
  cognitoIdentityId: true,
  cognitoIdentityPoolId: true,
  principalOrgId: true,
  sourceIp: true,
  user: true,
  userAgent: true,
  userArn: true,
  vpcId: true,
  vpceId: true,
};

const error: ContextTree = { message: true, messageString: true, responseType: true, validationErrorString: true };

const common: ContextTree = {
  accountId: true,
  apiId: true,
  authorizer: 'open',
  domainName: true,
  error,
  extendedRequestId: true,
  identity,
  requestId: true,
  requestTime: true,
  requestTimeEpoch: true,
  stage: true,
};

export const restContext: ContextTree = {
  ...common,
  awsEndpointRequestId: true,
  customDomain: { basePathMatched: true },
  deploymentId: true,
  domainPrefix: true,
  httpMethod: true,
  isCanaryRequest: true,
  path: true,
  protocol: true,
  requestOverride: { header: 'open', path: 'open', querystring: 'open' },
  responseOverride: { header: 'open', status: true },
  resourceId: true,
  resourcePath: true,
  wafResponseCode: true,
  webaclArn: true,
  xrayTraceId: true,
};

export const webSocketContext: ContextTree = {
  ...common,
  connectedAt: true,
  connectionId: true,
  disconnectReason: true,
  disconnectStatusCode: true,
  eventType: true,
  messageDirection: true,
  messageId: true,
  routeKey: true,
};

/** Closest name by edit distance (at most 2 edits, or a case-only difference), for "did you mean". */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 3;
}
