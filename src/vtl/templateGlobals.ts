import { InputObject, UtilObject } from './builtins';
import {
  buildContextMap,
  carriedOverrides,
  emptyOverrides,
  readOverrides,
  toValue,
  type CarriedOverrides,
  type TemplateContext,
  type TemplateOverrides,
} from './templateContext';
import type { Value, VtlMap } from './values';

/** `$util` has no state a template could change, so every render shares one. */
const util = new UtilObject();

/**
 * The variables a template starts with — `$input`, `$util`, `$context`, `$stageVariables` — each made on a
 * render's first use of it, and only for that render: a template that never reads `$context` never pays for
 * building it, and nothing a template can change is shared between renders.
 */
export class TemplateGlobals {
  private input: InputObject | undefined;
  private contextMap: VtlMap | undefined;
  private stageVariables: Value | undefined;

  constructor(private readonly context: TemplateContext) {}

  /** The global called `name`, made on first use; undefined for any other name. */
  readonly get = (name: string): Value | undefined => {
    switch (name) {
      case 'input':
        return (this.input ??= this.makeInput());
      case 'util':
        return util;
      case 'context':
        return (this.contextMap ??= buildContextMap(this.context));
      case 'stageVariables':
        return (this.stageVariables ??= toValue(this.context.request.stageVariables ?? {}));
      default:
        return undefined;
    }
  };

  /** What the template set in `$context.requestOverride` / `responseOverride` (nothing if it never read `$context`). */
  overrides(): TemplateOverrides {
    return this.contextMap === undefined ? emptyOverrides() : readOverrides(this.contextMap);
  }

  /**
   * The override maps as the template left them, to start the next template of the request from (undefined
   * when it never read `$context`: the next template then starts from what this one was given).
   */
  carried(): CarriedOverrides | undefined {
    return this.contextMap === undefined ? this.context.carried : carriedOverrides(this.contextMap);
  }

  private makeInput(): InputObject {
    const { request, integrationResponse: response } = this.context;
    const body = response ? (response.body ?? '') : (request.body ?? '');
    return new InputObject(body, request);
  }
}
