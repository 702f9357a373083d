import type { Accessor, Expression, MethodAccessor, PropertyAccessor, ReferenceNode } from '../ast';
import { parseJsonPath } from '../jsonPath';
import type { CheckContext } from './checkContext';
import { closestName, restContext, webSocketContext, type ContextTree } from './contextVariables';
import { followSteps, rootOf, simplePathSteps, type Located, type PathStep } from './modelPaths';
import { dictOf } from '../../shared/dict';

const utilMethods = ['escapeJavaScript', 'parseJson', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode'];
const inputMethods: Record<string, number[]> = dictOf({ json: [1], path: [1], params: [0, 1], getBody: [0] });

const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;

/**
 * Checks the references of one template: `$input`, `$util` and `$context` members and argument counts,
 * JSONPath arguments (syntax, and against the model), and property chains on variables set from the body.
 */
export class ReferenceChecker {
  /** Variables bound to a part of the body: `#set($root = $input.path('$'))`, `#foreach($pet in $root.pets)`. */
  private readonly bound = new Map<string, Located | undefined>();
  private readonly root: Located | undefined;

  constructor(private readonly ctx: CheckContext) {
    this.root = rootOf(ctx.options.bodySchema, ctx.options.schemaName);
  }

  check(node: ReferenceNode): void {
    if (node.name === 'util') this.checkUtil(node);
    else if (node.name === 'input') this.checkInput(node);
    else if (node.name === 'context') this.checkContext(node);
    else if (this.bound.has(node.name)) this.checkChain(this.bound.get(node.name), node.accessors, 0);
  }

  /** `#set($x = …)`: remembers which part of the body `$x` holds, when it is one. */
  bind(variable: string, value: Expression, iterate: boolean): void {
    let located = this.locate(value);
    if (iterate && located !== undefined) {
      const items = followSteps(located, [{ kind: 'item', name: '*', start: 0, end: 0 }]).located;
      located = items;
    }
    if (located !== undefined || this.bound.has(variable)) this.bound.set(variable, located);
  }

  private locate(value: Expression): Located | undefined {
    if (value.kind !== 'reference') return undefined;
    const [first, ...rest] = value.accessors;
    let start: Located | undefined;
    if (value.name === 'input' && first?.kind === 'method' && first.name === 'path' && this.root) {
      const literal = pathLiteral(first);
      const steps = literal ? simplePathSteps(literal.value) : undefined;
      start = steps ? followSteps(this.root, steps).located : undefined;
    } else if (this.bound.has(value.name)) {
      return this.chainTarget(this.bound.get(value.name), value.accessors);
    }
    return start === undefined ? undefined : this.chainTarget(start, rest);
  }

  private chainTarget(start: Located | undefined, accessors: readonly Accessor[]): Located | undefined {
    if (start === undefined) return undefined;
    const steps = propertySteps(accessors);
    return steps.length === accessors.length ? followSteps(start, steps).located : undefined;
  }

  /** Property accessors after a bound variable or `$input.path(…)`: each must exist in the model. */
  private checkChain(start: Located | undefined, accessors: readonly Accessor[], from: number): void {
    if (start === undefined) return;
    const { problem } = followSteps(start, propertySteps(accessors.slice(from)));
    if (problem) this.warnModel(problem.message, problem.step.start, problem.step.end);
  }

  private warnModel(message: string, start: number, end: number): void {
    this.ctx.report('apigw.vtl.unknownModelProperty', 'warning', message, start, end);
  }

  private checkUtil(node: ReferenceNode): void {
    const first = node.accessors[0];
    if (first === undefined) return;
    if (first.kind !== 'method' || !utilMethods.includes(first.name)) {
      const guess = closestName(first.kind === 'index' ? '' : first.name, utilMethods);
      const name = first.kind === 'index' ? '[…]' : first.name;
      this.ctx.report(
        'apigw.vtl.unknownUtilMember',
        'warning',
        `$util has no ${first.kind === 'method' ? 'method' : 'property'} '${name}' in API Gateway (it renders empty)` +
          (guess ? `: did you mean $util.${guess}()?` : `: use one of ${utilMethods.join(', ')}`),
        ...nameRange(first),
      );
      return;
    }
    this.checkCount('$util', first, [1]);
  }

  private checkInput(node: ReferenceNode): void {
    const first = node.accessors[0];
    if (first === undefined) return;
    if (first.kind === 'property' && first.name === 'body') return;
    const counts = first.kind === 'method' ? inputMethods[first.name] : undefined;
    if (first.kind !== 'method' || counts === undefined) {
      const name = first.kind === 'index' ? '[…]' : first.name;
      const guess = first.kind === 'index' ? undefined : closestName(first.name, ['body', 'json', 'path', 'params']);
      this.ctx.report(
        'apigw.vtl.unknownInputMember',
        'warning',
        `$input has no member '${name}' in API Gateway (it renders empty)` +
          (guess
            ? `: did you mean $input.${guess}${guess === 'body' ? '' : '()'}?`
            : ': use $input.body, $input.json(path), $input.path(path) or $input.params()'),
        ...nameRange(first),
      );
      return;
    }
    if (!this.checkCount('$input', first, counts)) return;
    if (
      first.name === 'params' &&
      this.ctx.options.apiType === 'WEBSOCKET' &&
      this.ctx.options.routeKey !== '$connect'
    ) {
      this.ctx.report(
        'apigw.vtl.paramsInWebSocket',
        'warning',
        `$input.params() is empty in WebSocket API templates except on the $connect route (other routes have no request parameters): read the message with $input.body, $input.json(path) or $input.path(path), or the connection with $context`,
        node.start,
        first.end,
      );
    }
    if (first.name === 'json' || first.name === 'path') this.checkJsonPath(first, node.accessors);
  }

  /** False (and a warning) when the method is called with a count it does not take. */
  private checkCount(owner: string, method: MethodAccessor, counts: number[]): boolean {
    if (counts.includes(method.args.length)) return true;
    const takes = counts.map(plural).join(' or ');
    this.ctx.report(
      'apigw.vtl.argumentCount',
      'warning',
      `${owner}.${method.name}() takes ${takes}, not ${method.args.length} (API Gateway renders the call as empty)`,
      method.start + 1,
      method.end,
    );
    return false;
  }

  private checkJsonPath(method: MethodAccessor, accessors: readonly Accessor[]): void {
    const literal = pathLiteral(method);
    if (literal === undefined) return;
    const parsed = parseJsonPath(literal.value);
    if (!parsed.ok) {
      const message = parsed.message.charAt(0).toUpperCase() + parsed.message.slice(1);
      this.ctx.report(
        'apigw.vtl.invalidJsonPath',
        'error',
        `${message}: API Gateway fails the request with this path`,
        literal.start,
        literal.end,
      );
      return;
    }
    if (this.root === undefined) return;
    const steps = simplePathSteps(literal.value);
    if (steps === undefined) return;
    const shifted = literal.exact
      ? steps.map((s) => ({ ...s, start: s.start + literal.start, end: s.end + literal.start }))
      : steps.map((s) => ({ ...s, start: literal.start, end: literal.end }));
    const { located, problem } = followSteps(this.root, shifted);
    if (problem) {
      this.warnModel(problem.message, problem.step.start, problem.step.end);
      return;
    }
    if (method.name === 'path') this.checkChain(located, accessors, 1);
  }

  private checkContext(node: ReferenceNode): void {
    const apiType = this.ctx.options.apiType;
    const tree: ContextTree = apiType === 'WEBSOCKET' ? webSocketContext : restContext;
    const first = node.accessors[0];
    if (first?.kind === 'property' && first.name === 'error') this.checkErrorUse(node, first);
    let at: ContextTree | true | 'open' = tree;
    let path = '$context';
    for (const accessor of node.accessors) {
      if (accessor.kind !== 'property' || typeof at !== 'object') return;
      const next: ContextTree | true | 'open' | undefined = Object.prototype.hasOwnProperty.call(at, accessor.name)
        ? at[accessor.name]
        : undefined;
      if (next === undefined) {
        this.reportUnknownContext(path, accessor, at, apiType);
        return;
      }
      at = next;
      path += `.${accessor.name}`;
    }
  }

  private reportUnknownContext(
    path: string,
    accessor: PropertyAccessor,
    at: ContextTree,
    apiType: string | undefined,
  ): void {
    const other = apiType === 'WEBSOCKET' ? restContext : webSocketContext;
    const elsewhere = path === '$context' && Object.prototype.hasOwnProperty.call(other, accessor.name);
    const guess = closestName(accessor.name, Object.keys(at));
    const why = elsewhere
      ? `is only set in ${apiType === 'WEBSOCKET' ? 'REST' : 'WebSocket'} API templates`
      : 'is not a variable API Gateway sets for mapping templates';
    this.ctx.report(
      'apigw.vtl.unknownContextVariable',
      'warning',
      `${path}.${accessor.name} ${why} (it renders empty)` +
        (guess && !elsewhere ? `: did you mean ${path}.${guess}?` : ''),
      ...nameRange(accessor),
    );
  }

  private checkErrorUse(node: ReferenceNode, first: PropertyAccessor): void {
    const kind = this.ctx.options.kind;
    if (kind === undefined || kind === 'gatewayResponse') return;
    this.ctx.report(
      'apigw.vtl.errorOutsideGatewayResponse',
      'warning',
      `$context.error is only set in gateway response templates; in an integration ${kind} template it is empty: move this to a gateway response (x-amazon-apigateway-gateway-responses) or remove it`,
      node.start,
      first.end,
    );
  }
}

/** The name of a property or method accessor, without the dot and the arguments. */
function nameRange(a: Accessor): [number, number] {
  return a.kind === 'index' ? [a.start, a.end] : [a.start + 1, a.start + 1 + a.name.length];
}

/** The property accessors at the start of a chain, as path steps (stops at the first method or index). */
function propertySteps(accessors: readonly Accessor[]): PathStep[] {
  const steps: PathStep[] = [];
  for (const a of accessors) {
    if (a.kind !== 'property') break;
    steps.push({ kind: 'name', name: a.name, start: a.start + 1, end: a.end });
  }
  return steps;
}

/** The JSONPath written as a string argument; `exact` when its characters map one to one onto the template. */
function pathLiteral(
  method: MethodAccessor,
): { value: string; start: number; end: number; exact: boolean } | undefined {
  const arg = method.args[0];
  if (method.args.length !== 1 || arg?.kind !== 'string') return undefined;
  if (arg.interpolated && arg.interpolated.some((n) => n.kind !== 'text')) return undefined;
  const start = arg.start + 1;
  const exact = arg.end - 1 - start === arg.value.length;
  return { value: arg.value, start, end: arg.end - 1, exact };
}
