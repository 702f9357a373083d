import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { CommandRegistry } from '../commands/commandRegistry';
import { featureCommandIds } from '../features/commandIds';
import { Lazy, lazyCommands } from '../features/lazy';
import { loadFeature } from '../features/load';
import type { PreviewFeature } from '../features/preview';
import type { PreviewSnapshot } from './templatePreview';

export interface PreviewDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  commands: CommandRegistry;
}

/** What the integration tests see of the preview: what it last rendered, and each new render. */
export interface PreviewTestApi {
  lastRender(): PreviewSnapshot | undefined;
  onDidRender: vscode.Event<PreviewSnapshot>;
}

/**
 * The activation side of "Preview Mapping Template": the command, registered at once; the preview and the
 * template engine live in dist/features/preview.js, loaded when it first runs.
 */
export function registerPreview(deps: PreviewDeps): PreviewTestApi {
  const { context, logger } = deps;
  const rendered = new vscode.EventEmitter<PreviewSnapshot>();
  const feature = new Lazy<PreviewFeature>(() => {
    const made = loadFeature(context.extensionPath, 'preview', logger).activatePreview({
      context,
      logger,
      fs: deps.fs,
    });
    context.subscriptions.push(made.onDidRender((snapshot) => rendered.fire(snapshot)));
    return made;
  });
  context.subscriptions.push(rendered);
  deps.commands.register(...lazyCommands(featureCommandIds.preview, () => feature.get()));
  return { lastRender: () => feature.made?.lastRender(), onDidRender: rendered.event };
}
