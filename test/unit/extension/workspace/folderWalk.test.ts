// The workspace scan lists a folder with node:fs instead of workspace.findFiles: it must find what VS Code's
// file search finds (hidden files, links followed, case-sensitive names) and leave out what it leaves out
// (files.exclude with its anchoring and `when` clauses, links that loop), and ask findFiles only for big trees.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { findWorkspaceFiles, walkFolder } from '../../../../src/extension/workspace/folderWalk';
import type { FolderWalkOptions, WorkspaceSearch } from '../../../../src/extension/workspace/folderWalk';
import { alwaysExcluded, isCandidateFileName } from '../../../../src/extension/workspace/globs';

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A temporary folder holding `files` (relative path → content; a content of `-> target` makes a symbolic link). */
function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-walk-')));
  roots.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (content.startsWith('-> ')) fs.symlinkSync(content.slice(3), file);
    else fs.writeFileSync(file, content);
  }
  return root;
}

const options = (extra: Partial<FolderWalkOptions> = {}): FolderWalkOptions => ({
  exclude: [...alwaysExcluded],
  followSymlinks: true,
  isWanted: isCandidateFileName,
  ...extra,
});

async function walk(root: string, extra: Partial<FolderWalkOptions> = {}): Promise<string[]> {
  const files = await walkFolder(root, options(extra));
  assert.ok(files, 'the walk stopped');
  return files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
}

describe('walkFolder: the files VS Code file search would find', () => {
  it('finds candidate names at any depth, hidden ones included, with the extensions matched case-sensitively', async () => {
    const root = tree({
      'openapi.yaml': '',
      'a/b/c/api.json': '',
      'a/template.template': '',
      'a/x.yml': '',
      '.hidden/api.yaml': '',
      '.dot.yaml': '',
      'README.md': '',
      'UPPER.YAML': '',
      'a/b.yaml.bak': '',
    });
    assert.deepEqual(await walk(root), [
      '.dot.yaml',
      '.hidden/api.yaml',
      'a/b/c/api.json',
      'a/template.template',
      'a/x.yml',
      'openapi.yaml',
    ]);
  });

  it('leaves out the always-excluded folders at any depth, and does not read them', async () => {
    const root = tree({
      'node_modules/pkg/openapi.yaml': '',
      'app/node_modules/x.json': '',
      'app/.git/config.json': '',
      'app/dist/openapi.yaml': '',
      'app/cdk.out/Stack.template.json': '',
      'app/api.yaml': '',
    });
    const read: number[] = [];
    assert.deepEqual(await walk(root, { onFolderRead: (n) => (read.push(n), false) }), ['app/api.yaml']);
    assert.equal(read.length, 2, 'only the root and app/ are read');
  });

  it('files.exclude globs are anchored at the folder unless they start with **, as findFiles anchors them', async () => {
    const root = tree({
      'build/api.yaml': '',
      'src/build/api.yaml': '',
      'top.json': '',
      'src/nested.json': '',
      'gen/a/api.yaml': '',
      'specs/keep.yaml': '',
      'specs/drop.yaml': '',
    });
    assert.deepEqual(await walk(root, { exclude: ['build', '*.json', 'gen/**', '**/drop.yaml'] }), [
      'specs/keep.yaml',
      'src/build/api.yaml',
      'src/nested.json',
    ]);
  });

  it('a files.exclude `when` clause excludes a file only when the named sibling exists', async () => {
    const root = tree({ 'a/api.json': '', 'a/api.yaml': '', 'b/api.json': '' });
    assert.deepEqual(await walk(root, { excludeWhen: [{ glob: '**/*.json', when: '$(basename).yaml' }] }), [
      'a/api.yaml',
      'b/api.json',
    ]);
  });

  it('follows links to folders and files under the link path, skips dangling links and links to an ancestor', async () => {
    const outside = tree({ 'shared/api.yaml': '', 'shared/deeper/more.json': '' });
    const root = tree({
      'real/openapi.yaml': '',
      linked: `-> ${path.join(outside, 'shared')}`,
      'alias.yaml': '-> real/openapi.yaml',
      'dangling.yaml': '-> nowhere.yaml',
      'real/up': '-> ..',
      'real/self': '-> .',
    });
    assert.deepEqual(await walk(root), [
      'alias.yaml',
      'linked/api.yaml',
      'linked/deeper/more.json',
      'real/openapi.yaml',
    ]);
    assert.deepEqual(await walk(root, { followSymlinks: false }), ['real/openapi.yaml'], 'search.followSymlinks off');
  });

  it('stops, giving undefined, when onFolderRead says so', async () => {
    const root = tree({ 'a/x.yaml': '', 'b/y.yaml': '' });
    assert.equal(await walkFolder(root, options({ onFolderRead: () => true })), undefined);
  });

  it('with a sync budget a small tree is listed without waiting for the event loop; without one, folder by folder', async () => {
    const root = tree({ 'a/b/c/api.yaml': '' });
    const listedBeforeATurn = async (syncBudget?: { entries: number }): Promise<boolean> => {
      let turned = false;
      setImmediate(() => (turned = true));
      const files = await walkFolder(root, options({ syncBudget }));
      assert.equal(files?.length, 1);
      return !turned;
    };
    const budget = { entries: 100 };
    assert.equal(await listedBeforeATurn(budget), true);
    assert.equal(budget.entries, 100 - 4, 'each entry read counts against the budget');
    assert.equal(await listedBeforeATurn({ entries: 0 }), false);
    assert.equal(await listedBeforeATurn(), false);
  });
});

describe('findWorkspaceFiles: the walk, and findFiles for big trees', () => {
  const spec = (roots: string[], search: WorkspaceSearch['search'], searchAfterEntries: number): WorkspaceSearch => ({
    folders: roots.map((root) => ({ path: root, options: options() })),
    search,
    searchAfterEntries,
    syncEntries: 0,
  });

  it('walks every folder, lists a file of nested folders once, and does not ask findFiles for a small tree', async () => {
    const root = tree({ 'api.yaml': '', 'sub/other.json': '' });
    const files = await findWorkspaceFiles(
      spec([root, path.join(root, 'sub')], () => assert.fail('findFiles was asked'), 1000),
    );
    assert.deepEqual(files.sort(), [path.join(root, 'api.yaml'), path.join(root, 'sub', 'other.json')]);
  });

  it('past searchAfterEntries asks findFiles, takes its answer if it comes first and stops the walk', async () => {
    const root = tree({ 'a/1.yaml': '', 'b/2.yaml': '', 'c/3.yaml': '' });
    let signal: AbortSignal | undefined;
    const files = await findWorkspaceFiles(
      spec(
        [root],
        (cancel) => {
          signal = cancel;
          return Promise.resolve(['/from/findFiles.yaml']);
        },
        1,
      ),
    );
    assert.deepEqual(files, ['/from/findFiles.yaml']);
    assert.ok(signal);
  });

  it('takes the walk when it ends first, and cancels findFiles', async () => {
    const root = tree({ 'a/1.yaml': '', 'b/2.yaml': '' });
    let signal: AbortSignal | undefined;
    const files = await findWorkspaceFiles(
      spec(
        [root],
        (cancel) => {
          signal = cancel;
          return new Promise(() => {});
        },
        1,
      ),
    );
    assert.deepEqual(files.sort(), [path.join(root, 'a', '1.yaml'), path.join(root, 'b', '2.yaml')]);
    assert.equal(signal?.aborted, true);
  });

  it('when findFiles fails, the walk gives the answer', async () => {
    const root = tree({ 'a/1.yaml': '' });
    const files = await findWorkspaceFiles(spec([root], () => Promise.reject(new Error('no search')), 0));
    assert.deepEqual(files, [path.join(root, 'a', '1.yaml')]);
  });
});
