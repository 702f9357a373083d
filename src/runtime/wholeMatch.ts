// Regular expressions a definition writes (integration response selection patterns, an authorizer's
// identityValidationExpression) run against text that a request or a backend controls: a Lambda error message, a
// token. A JavaScript RegExp cannot be interrupted, so they get the guard templates' regexes get (vtl/regexSafety,
// vtl/javaRegex): a pattern that can backtrack without end is not run, and a pattern with repeats runs only on text
// short enough to finish quickly. What was not run is said, never silently passed.
import { regexSubjectLimit } from '../vtl/javaRegex';
import { unsafeRegexReason } from '../vtl/regexSafety';

export interface WholeMatch {
  matched: boolean;
  /** Why the pattern was not run (unsafe, invalid, or the text is too long for it); `matched` is then false. */
  refused?: string;
}

/** Compiled patterns by flags and text; a string is why the pattern cannot run. */
const compiled = new Map<string, RegExp | string>();

function compile(pattern: string, flags: string): RegExp | string {
  const key = `${flags}/${pattern}`;
  let found = compiled.get(key);
  if (found === undefined) {
    const unsafe = unsafeRegexReason(pattern);
    if (unsafe !== undefined) {
      found = `the pattern ${JSON.stringify(pattern)} was not run because ${unsafe}; rewrite it without that`;
    } else {
      try {
        found = new RegExp(`^(?:${pattern})$`, flags);
      } catch {
        found = `the pattern ${JSON.stringify(pattern)} is not a valid regular expression`;
      }
    }
    if (compiled.size >= 1024) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

/** Whether `pattern` matches the whole of `subject`, run only when it cannot hang the mock. */
export function matchWhole(pattern: string, subject: string, flags = ''): WholeMatch {
  const regExp = compile(pattern, flags);
  if (typeof regExp === 'string') return { matched: false, refused: regExp };
  const { limit } = regexSubjectLimit(pattern, true);
  if (subject.length > limit) {
    return {
      matched: false,
      refused: `the pattern ${JSON.stringify(pattern)} was not run on ${subject.length} characters: with its repeats it may take too long on more than ${limit}`,
    };
  }
  return { matched: regExp.test(subject) };
}
