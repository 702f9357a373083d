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
