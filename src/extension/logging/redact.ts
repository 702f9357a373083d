/**
 * Removes secrets from text before it is logged: Authorization headers, API keys, AWS access keys and
 * secret keys, session tokens, and `password`/`secret`/`token` fields in JSON or key=value form.
 */
const rules: ReadonlyArray<[RegExp, string]> = [
  [
    /\b(authorization|x-api-key|x-amz-security-token)(["']?\s*[:=]\s*["']?)(?:Bearer\s+|Basic\s+)?[^\s"',;}]+/gi,
    '$1$2<redacted>',
  ],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '<redacted-access-key>'],
  [
    /\b([A-Za-z_-]*(?:secret|password|passwd|token|apiKey|api_key)[A-Za-z_-]*)(["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
    '$1$2<redacted>',
  ],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '<redacted-jwt>'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
