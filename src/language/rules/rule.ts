import type { Diagnostic } from '../../shared/diagnostic';
import type { DefinitionFile } from '../../model';
import type { SourceDocument, SourceNode } from '../../model/sourceNode';
import type { SourceSet } from '../../model/parse';
import type { ValueEdit } from '../../model/parse/incremental';

/**
 * What a rule sees: the parsed document (ranges), the set in which its $refs resolve, and the model built from
 * it (undefined when the file is not an API definition at all). Rules report through `report` and never throw
 * for bad input (the runner turns an exception into one `apigw.internal` diagnostic naming the rule).
 */
export interface RuleContext {
  document: SourceDocument;
  sources: SourceSet;
  definition: DefinitionFile | undefined;
  /** `--target rest|http` / the setting: check as this API type instead of the decided one. */
  target?: 'REST' | 'HTTP';
  /** Follows a $ref chain (undefined when broken; the ref rule reports that, not you). */
  resolve(node: SourceNode | undefined): SourceNode | undefined;
  report(diagnostic: Diagnostic): void;
}

/** A check with a stable id; every diagnostic it reports uses one of its documented `codes`. */
export interface Rule {
  id: string;
  /** Every code this rule may report (documented in docs/diagnostics.md). */
  codes: readonly string[];
  check(context: RuleContext): void;
  /**
   * 'tracked': the rule depends on nothing but the values it reads from nodes (and the model), so after a
   * one-value edit its findings are kept when it never read that value (readTracking.ts). Leave it out for a
   * rule that reads anything else (the document's text or problems, the SourceSet's problems): it runs again
   * after every edit.
   */
  reuse?: 'tracked';
  /**
   * 'apiTypes': the rule reads from `definition` only each API's type, typeReason, CloudFormation logical id and
   * place (what findBodies and apiTypeOf read), and is given only those (modelView.ts). A 'tracked' rule that
   * says so keeps its findings after an edit that rebuilt the model without changing them.
   */
  model?: 'apiTypes';
  /**
   * For a rule that keeps its own state between versions: called instead of `check` with what it returned for
   * the previous version and the edit between the two (both undefined after anything but a one-value edit).
   */
  checkAfterEdit?(context: RuleContext, previous: unknown, edit: ValueEdit | undefined): unknown;
}
