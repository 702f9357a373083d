// The parse layer's public surface: text → SourceDocument (with ranges), node access helpers, and a set of
// loaded files in which `$ref`s (local and cross-file) resolve. The builders in ../build use only this.
export { parseSource } from './parseSource';
export {
  getProperty,
  hasProperty,
  toValue,
  asString,
  asNumber,
  asBoolean,
  asStringArray,
  isIntrinsic,
  locOf,
  keyLocOf,
} from './nodes';
export type { SourceSet } from './sourceSet';
export { loadSourceSet, loadSourceSetNow } from './sourceSet';
export { checkSize, decodeText, DEFAULT_MAX_FILE_BYTES } from './readGuards';
