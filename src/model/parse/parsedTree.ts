import type { Diagnostic } from '../../shared/diagnostic';
import type { SourceNode } from '../sourceNode';

/**
 * What a parser of definition text gives (yamlSource.ts and its fast path yamlFastPath.ts, jsonSource.ts): the
 * root node, when the text has one, and the problems found.
 */
export interface ParsedTree {
  root?: SourceNode;
  problems: Diagnostic[];
  /** Set when a YAML alias was expanded: the copy's nodes share their places with the anchored nodes. */
  aliased?: true;
}

/**
 * YAML scalars written with an anchor (`&name value`). An alias copy of a scalar has the alias's place, not the
 * anchored scalar's, so an edit of one of these is parsed in full (incremental.ts): the copies need it too.
 */
export const anchoredScalars = new WeakSet<SourceNode>();
