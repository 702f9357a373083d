import type { Diagnostic } from '../shared/diagnostic';
import type { Range } from '../shared/range';

/**
 * A parsed YAML or JSON value that remembers where it came from. YAML (through `yaml`) and JSON (through
 * `jsonc-parser`) are both turned into this one shape, so the model and the language service never see
 * which parser was used.
 *
 * CloudFormation short-form tags become their long form: `!Sub x` is an object node with the single
 * property `Fn::Sub` (and `tag: '!Sub'`), `!Ref x` is `{ Ref: x }`, `!GetAtt a.b` is `{ 'Fn::GetAtt': ['a', 'b'] }`.
 */
export type SourceNode = ObjectNode | ArrayNode | ScalarNode;

interface NodeBase {
  /** Absolute path of the file the node is in. */
  file: string;
  /** JSON pointer of the node inside its file ('' for the root). */
  pointer: string;
  /** Range of the whole value (for a block scalar: from the indicator to its last character). */
  range: Range;
  /** Offset and length of the value in the file's text. */
  offset: number;
  length: number;
  /** The YAML tag as written ('!Sub', '!!str'), when there was one. */
  tag?: string;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  /** Properties in source order. A duplicated key appears twice (the parser reports it as a problem). */
  properties: PropertyNode[];
}

export interface PropertyNode {
  key: string;
  keyRange: Range;
  value: SourceNode;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: SourceNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/** One parsed file. `root` is undefined when nothing could be parsed; `problems` then says why. */
export interface SourceDocument {
  file: string;
  text: string;
  format: 'yaml' | 'json';
  root?: SourceNode;
  /** Syntax errors and warnings (duplicate keys, unknown tags), with ranges in this file. */
  problems: Diagnostic[];
  /** Converts an offset in `text` to a 0-based line/character position. */
  positionAt(offset: number): { line: number; character: number };
  /** Set when YAML aliases were expanded: some nodes are copies that share their places with others. */
  aliased?: true;
}
