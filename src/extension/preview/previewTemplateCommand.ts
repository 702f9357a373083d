import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import { UserError, type Command } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { PreviewSnapshot, TemplatePreview } from './templatePreview';
import { embeddedTargetAt, type PreviewTarget } from './templateSource';

/**
 * "API Gateway: Preview Mapping Template": previews the template of a "Workspace APIs" template node, the active
 * `.vtl` / `.vm` file, or the `requestTemplates` / `responseTemplates` value under the cursor of a definition.
 */
export class PreviewTemplateCommand implements Command {
  readonly id = 'apigw.previewTemplate';

  constructor(
    private readonly preview: TemplatePreview,
    private readonly fs: FileSystem,
  ) {}

  async execute(arg?: unknown): Promise<PreviewSnapshot> {
    return this.preview.show(await this.targetFor(arg));
  }

  private async targetFor(arg: unknown): Promise<PreviewTarget> {
    const node = asExplorerNode(arg);
    if (node?.kind === 'template') {
      const loc = node.template.loc;
      return { kind: 'embedded', uri: vscode.Uri.file(loc.file), pointer: loc.pointer };
    }
    const editor = vscode.window.activeTextEditor;
    if (arg instanceof vscode.Uri && arg.toString() !== editor?.document.uri.toString()) {
      return { kind: 'file', uri: arg };
    }
    if (editor?.document.languageId === 'vtl') return { kind: 'file', uri: editor.document.uri };
    if (editor) {
      const { line, character } = editor.selection.active;
      const target = await embeddedTargetAt(editor.document, { line, character }, this.fs);
      if (target) return target;
    }
    throw new UserError(
      'No mapping template to preview: put the cursor inside a requestTemplates or responseTemplates value of an API definition, open a .vtl file, or choose a template in the Workspace APIs view.',
    );
  }
}
