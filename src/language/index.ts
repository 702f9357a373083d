// The language service's public surface.
export { createLanguageService } from './languageService';
export type {
  LanguageService,
  LanguageServiceParams,
  TextDocument,
  ValidationOptions,
  ValidationReport,
} from './languageService';
