// The language service's public surface.
export { createLanguageService } from './languageService';
export type { LanguageService, LanguageServiceParams } from './languageService';
export type { TextDocument, ValidationOptions, ValidationReport } from './document';
