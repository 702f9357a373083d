/**
 * Upper-case text without a call into the engine's runtime when it is upper-case already (HTTP methods and
 * integration types nearly always are): `toUpperCase` is not cheap on a per-request path.
 */
export function upperCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return text.toUpperCase();
    if (c > 127) return text.toUpperCase();
  }
  return text;
}

/** Lower-case text, without a call when it is lower-case already (header names the code asks for). */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return text.toLowerCase();
    if (c > 127) return text.toLowerCase();
  }
  return text;
}

/** The media type of a Content-Type value: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim();
}

/** An HTTP header name: a token (RFC 9110 §5.1), as node:http and API Gateway require. */
const headerToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Characters a header value cannot hold: controls other than tab (a line break would end the header). */
const badHeaderValueChar = /[^\t\x20-\x7e\x80-\xff]/;

/** Why a header cannot be sent as is (undefined when it can): the name or the value, in words. */
export function headerProblem(name: string, value: string): string | undefined {
  // Nearly every header can be sent: a loop over its characters says so without running the expressions.
  if (isHeaderToken(name) && isHeaderValue(value)) return undefined;
  if (!headerToken.test(name)) return `the header name ${JSON.stringify(name)} is not an HTTP token`;
  const bad = badHeaderValueChar.exec(value);
  if (bad !== null) {
    const code = bad[0].charCodeAt(0);
    const what =
      code === 10 || code === 13
        ? 'a line break'
        : `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `the value of the header ${name} holds ${what}`;
  }
  return undefined;
}

/** `tokenChar[c]`: whether the ASCII character `c` may be in a token (`headerToken`). */
const tokenChar: boolean[] = Array.from({ length: 128 }, (_, c) => headerToken.test(String.fromCharCode(c)));

function isHeaderToken(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 127 || !tokenChar[c]) return false;
  }
  return true;
}

/** Whether a header value holds none of `badHeaderValueChar`. */
function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 ? c !== 9 : c === 127 || c > 255) return false;
  }
  return true;
}
