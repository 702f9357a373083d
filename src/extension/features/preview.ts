import type * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { Command } from '../commands/commandRegistry';
import { PreviewTemplateCommand } from '../preview/previewTemplateCommand';
import { TemplatePreview, type PreviewSnapshot } from '../preview/templatePreview';
import { commandTable, type FeatureCommandId } from './commandIds';

export interface PreviewFeatureDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
}

/** The preview as the activation side delegates to it. */
export interface PreviewFeature {
  commands: Record<FeatureCommandId<'preview'>, Command>;
  lastRender(): PreviewSnapshot | undefined;
  onDidRender: vscode.Event<PreviewSnapshot>;
}

/**
 * The entry of dist/features/preview.js: "Preview Mapping Template" with the template engine (src/vtl), loaded
 * when the command first runs.
 */
export function activatePreview(deps: PreviewFeatureDeps): PreviewFeature {
  const preview = new TemplatePreview(deps.context.extensionUri, deps.fs, deps.logger);
  deps.context.subscriptions.push(preview);
  return {
    commands: commandTable('preview', [new PreviewTemplateCommand(preview, deps.fs)]),
    lastRender: () => preview.lastRender(),
    onDidRender: preview.onDidRender,
  };
}
