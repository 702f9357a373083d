import type { Diagnostic } from '../../shared/diagnostic';
import type { SourceDocument } from '../sourceNode';
import { parseJson, parseStrictJsonText } from './jsonSource';
import { LineTable, lineTables } from './positions';
import type { ParsedTree } from './parsedTree';
import { knowUtf8Size } from './utf8Size';
import { parseYaml } from './yamlSource';

/** More problems than this in one file are summed up in one last problem (a binary or wrong-format file). */
const MAX_PROBLEMS = 200;

/**
 * Parses a YAML or JSON file into a SourceDocument. `.json` files and text starting with `{` or `[` are read
 * as JSON (a `.yaml`/`.yml` file that is not valid JSON is then read as YAML flow style). Never throws:
 * whatever could be parsed is kept and every error is a problem.
 */
export function parseSource(file: string, text: string): SourceDocument {
  const format = chooseFormat(file, text);
  const strict = format === 'json' ? parseStrictJsonText(file, text) : undefined;
  const lines = strict?.lines ?? new LineTable(text);
  let parsed = strict?.tree ?? safeParse(format, file, text, lines);
  let actual = format;
  if (format === 'json' && /\.ya?ml$/i.test(file) && parsed.problems.some((p) => p.severity === 'error')) {
    parsed = safeParse('yaml', file, text, lines);
    actual = 'yaml';
  }
  const document: SourceDocument = {
    file,
    text,
    format: actual,
    problems: capProblems(parsed.problems),
    positionAt: (offset) => lines.positionAt(offset),
  };
  if (parsed.root) document.root = parsed.root;
  if (strict !== undefined && actual === format) knowUtf8Size(document, strict.utf8Length);
  if (parsed.aliased) document.aliased = true;
  lineTables.set(document, lines);
  return document;
}

function chooseFormat(file: string, text: string): 'yaml' | 'json' {
  if (/\.json$/i.test(file)) return 'json';
  const first = /[^\s\uFEFF]/.exec(text.slice(0, 4096))?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function safeParse(format: 'yaml' | 'json', file: string, text: string, lines: LineTable): ParsedTree {
  try {
    return format === 'json' ? parseJson(file, text, lines) : parseYaml(file, text, lines);
  } catch (error) {
    // The parsers recurse per nesting level: thousands of levels exhaust the stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : `the parser failed (${String(error)})`;
    return {
      problems: [
        {
          range: lines.rangeOf(0, 0),
          severity: 'error',
          code: format === 'json' ? 'apigw.parse.jsonSyntax' : 'apigw.parse.yamlSyntax',
          message: `${format === 'json' ? 'JSON' : 'YAML'} syntax error: the file cannot be read because ${reason}.`,
        },
      ],
    };
  }
}

function capProblems(problems: Diagnostic[]): Diagnostic[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  const last = kept[kept.length - 1];
  kept.push({
    range: last?.range ?? lines0,
    severity: 'information',
    code: 'apigw.parse.tooManyProblems',
    message: `${problems.length - MAX_PROBLEMS} more problems are not shown. Is this file really YAML or JSON?`,
  });
  return kept;
}

const lines0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
