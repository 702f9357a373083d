import type { SourceDocument, SourceNode } from '../model';
import type { ObjectNode } from '../model/sourceNode';
import { isTemplate } from '../model/build/cloudformation';
import { getProperty } from '../model/parse';
import { localAccountId } from './requestContext';

/** The region the mock runs in (`AWS::Region`, the ARNs it builds). */
export const localRegion = 'us-east-1';

/** The pseudo parameters a template may name, as the mock answers them. */
const pseudoParameters = new Map<string, string>([
  ['AWS::Region', localRegion],
  ['AWS::AccountId', localAccountId],
  ['AWS::Partition', 'aws'],
  ['AWS::URLSuffix', 'amazonaws.com'],
]);

/** What resolving a template's parameters came to: the document to build from, and what stayed unresolved. */
export interface ResolvedTemplate {
  doc: SourceDocument;
  /** Parameters declared without a `Default` that the template refers to (the mock cannot know their value). */
  withoutDefault: string[];
}

type ParameterValue = { kind: 'scalar'; value: string | number | boolean } | { kind: 'list'; items: string[] };

/**
 * A SAM / CloudFormation template with every `Ref` to a parameter replaced by the parameter's `Default` (and the
 * pseudo parameters `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::URLSuffix` by the mock's values), as
 * CloudFormation would when the stack is created without parameter values. `Fn::Sub` strings lose the names it
 * can fill (a string with nothing left to fill becomes that string); a `Fn::Join` of plain strings becomes the
 * joined string. Resource references (`!Ref MyFunction`, `!GetAtt`, `${MyFn.Arn}`) stay as they are: they exist
 * only once deployed. The new nodes keep the range of what they replace, so every location stays right.
 * Anything that is not a template comes back unchanged.
 */
export function resolveTemplateParameters(doc: SourceDocument): ResolvedTemplate {
  const root = doc.root;
  if (root === undefined || root.kind !== 'object' || !isTemplate(root)) return { doc, withoutDefault: [] };
  const values = new Map<string, ParameterValue>();
  const noDefault = new Set<string>();
  const declared = getProperty(root, 'Parameters');
  if (declared?.kind === 'object') {
    for (const { key, value } of declared.properties) {
      const parameter = parameterValue(value);
      if (parameter === undefined) noDefault.add(key);
      else values.set(key, parameter);
    }
  }
  for (const [name, value] of pseudoParameters) values.set(name, { kind: 'scalar', value });
  const used = new Set<string>();
  const resolver = new Resolver(values, noDefault, used);
  const resolved = resolver.node(root);
  return {
    doc: resolved === root ? doc : { ...doc, root: resolved },
    withoutDefault: [...used].sort(),
  };
}

/** A parameter's `Default` as CloudFormation passes it (`CommaDelimitedList` / `List<…>`: a list). */
function parameterValue(declaration: SourceNode): ParameterValue | undefined {
  const fallback = getProperty(declaration, 'Default');
  const type = getProperty(declaration, 'Type');
  const list =
    type?.kind === 'scalar' && typeof type.value === 'string' && /^(CommaDelimitedList|List<)/.test(type.value);
  if (fallback?.kind === 'scalar' && fallback.value !== null) {
    if (list)
      return {
        kind: 'list',
        items: String(fallback.value)
          .split(',')
          .map((s) => s.trim()),
      };
    return { kind: 'scalar', value: fallback.value };
  }
  if (fallback?.kind === 'array' && fallback.items.every((i) => i.kind === 'scalar' && i.value !== null)) {
    return { kind: 'list', items: fallback.items.map((i) => String((i as { value: unknown }).value)) };
  }
  return undefined;
}

class Resolver {
  constructor(
    private readonly values: Map<string, ParameterValue>,
    private readonly noDefault: Set<string>,
    private readonly used: Set<string>,
  ) {}

  /** The node with its parameter references resolved (the same node when nothing changed). */
  node(node: SourceNode): SourceNode {
    if (node.kind === 'scalar') return node;
    if (node.kind === 'array') {
      let changed = false;
      const items = node.items.map((item) => {
        const next = this.node(item);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? { ...node, items } : node;
    }
    if (node.properties.length === 1) {
      const { key, value } = node.properties[0]!;
      if (key === 'Ref') return this.ref(node, value);
      if (key === 'Fn::Sub') return this.sub(node, value);
      if (key === 'Fn::Join') return this.join(node, value);
    }
    let changed = false;
    const properties = node.properties.map((property) => {
      const next = this.node(property.value);
      if (next === property.value) return property;
      changed = true;
      return { ...property, value: next };
    });
    return changed ? { ...node, properties } : node;
  }

  private ref(node: ObjectNode, name: SourceNode): SourceNode {
    if (name.kind !== 'scalar' || typeof name.value !== 'string') return node;
    const value = this.values.get(name.value);
    if (value === undefined) {
      if (this.noDefault.has(name.value)) this.used.add(name.value);
      return node;
    }
    if (value.kind === 'scalar') return scalarAt(node, value.value);
    return {
      kind: 'array',
      file: node.file,
      pointer: node.pointer,
      range: node.range,
      offset: node.offset,
      length: node.length,
      items: value.items.map((item, i) => ({ ...scalarAt(node, item), pointer: `${node.pointer}/${i}` })),
    };
  }

  /** `Fn::Sub`: `"text ${Param}"` or `["text ${Name}", {Name: value}]`. */
  private sub(node: ObjectNode, argument: SourceNode): SourceNode {
    let template: SourceNode | undefined = argument;
    let variables: SourceNode | undefined;
    if (argument.kind === 'array') {
      template = argument.items[0];
      variables = argument.items[1] === undefined ? undefined : this.node(argument.items[1]);
    }
    if (template?.kind !== 'scalar' || typeof template.value !== 'string') return this.inside(node);
    const local = new Map<string, string>();
    if (variables?.kind === 'object') {
      for (const { key, value } of variables.properties) {
        if (value.kind === 'scalar' && value.value !== null) local.set(key, String(value.value));
        else local.set(key, '\u0000'); // a variable the mock cannot fill: kept as written
      }
    }
    let unresolved = false;
    const text = template.value.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return whole;
      const own = local.get(name);
      if (own !== undefined && own !== '\u0000') return own;
      const parameter = own === undefined ? this.values.get(name) : undefined;
      if (parameter?.kind === 'scalar') return String(parameter.value);
      if (parameter?.kind === 'list') return parameter.items.join(',');
      if (own === undefined && this.noDefault.has(name)) this.used.add(name);
      unresolved = true;
      return whole;
    });
    if (!unresolved) return scalarAt(node, text.replace(/\$\{!/g, '${'));
    if (text === template.value && variables === (argument.kind === 'array' ? argument.items[1] : undefined))
      return node;
    const newTemplate = { ...template, value: text };
    const newArgument: SourceNode =
      argument.kind === 'array'
        ? { ...argument, items: [newTemplate, ...(variables !== undefined ? [variables] : [])] }
        : newTemplate;
    return { ...node, properties: [{ ...node.properties[0]!, value: newArgument }] };
  }

  /** `Fn::Join: [delimiter, [parts]]`: a string once every part is one. */
  private join(node: ObjectNode, argument: SourceNode): SourceNode {
    const inner = this.inside(node);
    const resolvedArgument = inner.kind === 'object' ? inner.properties[0]!.value : argument;
    if (resolvedArgument.kind !== 'array') return inner;
    const [delimiter, parts] = resolvedArgument.items;
    if (delimiter?.kind !== 'scalar' || parts?.kind !== 'array') return inner;
    if (!parts.items.every((p) => p.kind === 'scalar' && p.value !== null)) return inner;
    const text = parts.items.map((p) => String((p as { value: unknown }).value)).join(String(delimiter.value ?? ''));
    return scalarAt(node, text);
  }

  /** The intrinsic with its argument resolved. */
  private inside(node: ObjectNode): SourceNode {
    const property = node.properties[0]!;
    const value = this.node(property.value);
    return value === property.value ? node : { ...node, properties: [{ ...property, value }] };
  }
}

function scalarAt(node: SourceNode, value: string | number | boolean): SourceNode {
  return {
    kind: 'scalar',
    file: node.file,
    pointer: node.pointer,
    range: node.range,
    offset: node.offset,
    length: node.length,
    value,
  };
}
