import type { Diagnostic, Severity } from '../../shared/diagnostic';
import type { Range } from '../../shared/range';
import { lineStartsOf, positionIn } from '../scanner';

/** What the checker knows about a template besides its text. Everything is optional: less known, fewer checks. */
export interface TemplateCheckOptions {
  /** Where the template runs: integration request, integration response, or gateway response. */
  kind?: 'request' | 'response' | 'gatewayResponse';
  apiType?: 'REST' | 'HTTP' | 'WEBSOCKET';
  /** WebSocket: the route key (`$connect` is the one route with request parameters). */
  routeKey?: string;
  /** The template's content type (REST) or key (WebSocket); `application/json` templates get their output checked. */
  contentType?: string;
  /** JSON Schema of the payload `$input` reads (`$ref`s inlined): JSONPaths are checked against it. */
  bodySchema?: unknown;
  /** The model's name (e.g. `Pet`), used in messages; else the schema's `title`, else "The body". */
  schemaName?: string;
  /** The method's declared parameters, given sample values in the rendered sample request. */
  parameters?: ReadonlyArray<{ name: string; in: string; schema?: unknown }>;
  stageVariables?: Record<string, string>;
  /** Render the template with a sample and check its output is JSON (default: for JSON content types). */
  checkOutput?: boolean;
}

/** Collects diagnostics with ranges in the template text. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly options: TemplateCheckOptions,
  ) {
    this.lineStarts = lineStartsOf(text);
  }

  rangeOf(start: number, end: number): Range {
    return {
      start: positionIn(this.text, this.lineStarts, start),
      end: positionIn(this.text, this.lineStarts, Math.max(start, end)),
    };
  }

  report(code: string, severity: Severity, message: string, start: number, end: number): void {
    this.diagnostics.push({ code, severity, message, range: this.rangeOf(start, end) });
  }
}
