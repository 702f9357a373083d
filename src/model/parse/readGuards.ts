// Checks made before a file is parsed: not too big, and text rather than binary content.

/** The most bytes this tool reads from one file, unless the caller sets another limit. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** The most bytes API Gateway accepts when importing a definition. */
const API_GATEWAY_IMPORT_BYTES = 6 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Undefined when a file of `bytes` bytes may be read, else the message that says why not. `file` (optional)
 * names the file in the message.
 */
export function checkSize(bytes: number, maxBytes: number, file?: string): string | undefined {
  if (bytes <= maxBytes) return undefined;
  const name = file ? baseName(file) : 'The file';
  return (
    `${name} is ${sizeReason(bytes, maxBytes)} (API Gateway itself imports at most ` +
    `${formatLimit(API_GATEWAY_IMPORT_BYTES)}). Split the definition into smaller files joined with $ref.`
  );
}

/** "50.0 MB, more than the 32 MB this tool reads": the size part of checkSize's message. */
export function sizeReason(bytes: number, maxBytes: number): string {
  return `${formatSize(bytes)}, more than the ${formatLimit(maxBytes)} this tool reads`;
}

/**
 * The text of a file's bytes, without a UTF-8 byte order mark; an error message for binary content (a NUL
 * byte in the first 8 KB, or bytes that are not UTF-8).
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { error: string } {
  const at = binaryOffset(bytes);
  if (at !== undefined) {
    return {
      error: `${baseName(file)} is not a text file (binary content at byte ${at}); API definitions are YAML or JSON text.`,
    };
  }
  // ignoreBOM: false (the default) drops a leading byte order mark.
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

/** The offset of the first NUL byte in the first 8 KB or of the first byte that is not valid UTF-8. */
export function binaryOffset(bytes: Uint8Array): number | undefined {
  const head = Math.min(bytes.length, 8192);
  for (let i = 0; i < head; i++) if (bytes[i] === 0) return i;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    return firstInvalidUtf8(bytes);
  }
}

/** Where UTF-8 decoding fails (only called once the fast decoder has said it does). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i; // overlong / surrogate
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i; // overlong / too big
    i += need + 1;
  }
  return bytes.length;
}

function formatLimit(bytes: number): string {
  const mb = bytes / MB;
  return Number.isInteger(mb) ? `${mb} MB` : formatSize(bytes);
}

function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}
