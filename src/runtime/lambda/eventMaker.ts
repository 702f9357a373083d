import type { ProxyEventParts } from './eventParts';

/**
 * Makes Lambda proxy events from their parts (eventParts.ts), as the API Gateway developer guide documents
 * them: payload format 1.0 (REST APIs, and HTTP APIs that ask for it) and 2.0 (HTTP APIs' default).
 *
 * Self-contained on purpose: it names nothing outside its own body (only the language's built-ins), because the
 * handler workers run its source text (workerSource.ts writes `(${eventMaker})()` into theirs), so the
 * runtime's thread sends the parts, not the event. The runtime calls it too (events.ts): one maker for both.
 * The events are plain objects, as JSON.parse makes them (what a handler got when it was sent JSON text), with
 * every name an own key: `__proto__` included.
 */
export function eventMaker(): {
  fromParts: (parts: ProxyEventParts) => Record<string, unknown>;
  displayHeaderName: (name: string) => string;
} {
  /** Sets an own key, `__proto__` too (an assignment to it would set the prototype). */
  function put(target: Record<string, unknown>, key: string, value: unknown): void {
    if (key === '__proto__')
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  }

  function plain(): Record<string, unknown> {
    return Object.create(Object.prototype) as Record<string, unknown>;
  }

  /**
   * `content-type` → `Content-Type` (REST proxy events keep the case the client sent; Node lower-cases it): each
   * a-z at the start or after a '-' upper-cased (a loop: a regex replace with a callback was a per-header cost).
   */
  function displayHeaderName(name: string): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (c >= 97 && c <= 122 && (i === 0 || name.charCodeAt(i - 1) === 45)) {
        out += name.slice(from, i) + String.fromCharCode(c - 32);
        from = i + 1;
      }
    }
    return from === 0 ? name : out + name.slice(from);
  }

  /** [name, value, ...] as an object, or null for none. */
  function pairs(list: string[]): Record<string, unknown> | null {
    if (list.length === 0) return null;
    const out = plain();
    for (let i = 0; i + 1 < list.length; i += 2) put(out, list[i]!, list[i + 1]);
    return out;
  }

  /** The parts by name (the order of ProxyEventParts). */
  function named(parts: ProxyEventParts) {
    // prettier-ignore
    const [version, resource, path, requestPath, rawQueryString, method, headers, query, pathParameters,
      stageVariables, accountId, apiId, domainName, requestId, requestTime, requestTimeEpoch, protocol,
      resourcePath, routeKey, stage, authorizer, sourceIp, userAgent, apiKey, accessKey, callerAccountId, caller,
      user, userArn, body, isBase64Encoded] = parts;
    // prettier-ignore
    return { version, resource, path, requestPath, rawQueryString, method, headers, query, pathParameters,
      stageVariables, accountId, apiId, domainName, requestId, requestTime, requestTimeEpoch, protocol,
      resourcePath, routeKey, stage, authorizer, sourceIp, userAgent, apiKey, accessKey, callerAccountId, caller,
      user, userArn, body, isBase64Encoded };
  }
  type Values = ReturnType<typeof named>;

  function v1(p: Values): Record<string, unknown> {
    let headers: Record<string, unknown> | null = null;
    let multiValueHeaders: Record<string, unknown> | null = null;
    for (let i = 0; i + 1 < p.headers.length; i += 2) {
      const values = p.headers[i + 1] as string[];
      const display = displayHeaderName(p.headers[i] as string);
      // Two names with one display name (a request made in code, with capitals) keep one key, the last values.
      put((headers ??= plain()), display, values[values.length - 1] ?? '');
      put((multiValueHeaders ??= plain()), display, values);
    }
    let query: Record<string, unknown> | null = null;
    let multiValueQuery: Record<string, unknown> | null = null;
    for (let i = 0; i + 1 < p.query.length; i += 2) {
      const values = p.query[i + 1] as string[];
      put((query ??= plain()), p.query[i] as string, values[values.length - 1] ?? '');
      put((multiValueQuery ??= plain()), p.query[i] as string, values);
    }
    const dot = p.domainName.indexOf('.');
    return {
      resource: p.resource,
      path: p.path,
      httpMethod: p.method,
      headers,
      multiValueHeaders,
      queryStringParameters: query,
      multiValueQueryStringParameters: multiValueQuery,
      pathParameters: pairs(p.pathParameters),
      stageVariables: pairs(p.stageVariables),
      requestContext: {
        accountId: p.accountId,
        apiId: p.apiId,
        authorizer: p.authorizer,
        domainName: p.domainName,
        domainPrefix: dot < 0 ? p.domainName : p.domainName.slice(0, dot),
        extendedRequestId: p.requestId,
        httpMethod: p.method,
        identity: {
          accessKey: p.accessKey,
          accountId: p.callerAccountId,
          caller: p.caller,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp: p.sourceIp,
          user: p.user,
          userAgent: p.userAgent,
          userArn: p.userArn,
          apiKey: p.apiKey,
        },
        path: p.requestPath,
        protocol: p.protocol,
        requestId: p.requestId,
        requestTime: p.requestTime,
        requestTimeEpoch: p.requestTimeEpoch,
        resourceId: 'local',
        resourcePath: p.resourcePath,
        stage: p.stage,
      },
      body: p.body,
      isBase64Encoded: p.isBase64Encoded,
    };
  }

  function v2(p: Values): Record<string, unknown> {
    const headers = plain();
    let cookies: string[] | undefined;
    for (let i = 0; i + 1 < p.headers.length; i += 2) {
      const name = p.headers[i] as string;
      const values = p.headers[i + 1] as string[];
      if (name !== 'cookie') {
        put(headers, name, values.join(','));
        continue;
      }
      cookies = [];
      for (const value of values) {
        for (const cookie of value.split(';')) {
          const trimmed = cookie.trim();
          if (trimmed !== '') cookies.push(trimmed);
        }
      }
    }
    const event = plain();
    event['version'] = '2.0';
    event['routeKey'] = p.routeKey;
    event['rawPath'] = p.requestPath;
    event['rawQueryString'] = p.rawQueryString;
    if (cookies !== undefined) event['cookies'] = cookies;
    event['headers'] = headers;
    if (p.query.length > 0) {
      const query = plain();
      for (let i = 0; i + 1 < p.query.length; i += 2)
        put(query, p.query[i] as string, (p.query[i + 1] as string[]).join(','));
      event['queryStringParameters'] = query;
    }
    const dot = p.domainName.indexOf('.');
    const requestContext = plain();
    requestContext['accountId'] = p.accountId;
    requestContext['apiId'] = p.apiId;
    requestContext['domainName'] = p.domainName;
    requestContext['domainPrefix'] = dot < 0 ? p.domainName : p.domainName.slice(0, dot);
    requestContext['http'] = {
      method: p.method,
      path: p.requestPath,
      protocol: p.protocol,
      sourceIp: p.sourceIp,
      userAgent: p.userAgent ?? '',
    };
    requestContext['requestId'] = p.requestId;
    requestContext['routeKey'] = p.routeKey;
    requestContext['stage'] = p.stage;
    requestContext['time'] = p.requestTime;
    requestContext['timeEpoch'] = p.requestTimeEpoch;
    if (p.authorizer !== null) requestContext['authorizer'] = p.authorizer;
    event['requestContext'] = requestContext;
    if (p.body !== null) event['body'] = p.body;
    const pathParameters = pairs(p.pathParameters);
    if (pathParameters !== null) event['pathParameters'] = pathParameters;
    event['isBase64Encoded'] = p.isBase64Encoded;
    const stageVariables = pairs(p.stageVariables);
    if (stageVariables !== null) event['stageVariables'] = stageVariables;
    return event;
  }

  return {
    fromParts: (parts) => {
      const values = named(parts);
      return values.version === '2.0' ? v2(values) : v1(values);
    },
    displayHeaderName,
  };
}
