import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers/paths';

/** Facts about package.json's contributions that VS Code itself would only notice at run time, or never. */

interface CommandContribution {
  command: string;
  title?: string;
  category?: string;
}
interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
}
interface SettingContribution {
  scope?: string;
  description?: string;
  markdownDescription?: string;
}
interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; svg?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: WalkthroughStep[];
}
interface Manifest {
  engines: { vscode: string };
  activationEvents?: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands?: CommandContribution[];
    menus?: Record<string, MenuItem[]>;
    keybindings?: MenuItem[];
    views?: Record<string, Array<{ id: string; name: string }>>;
    viewsContainers?: Record<string, Array<{ id: string; icon: string }>>;
    viewsWelcome?: Array<{ view: string; contents: string }>;
    walkthroughs?: Walkthrough[];
    configuration?:
      { properties: Record<string, SettingContribution> } | Array<{ properties: Record<string, SettingContribution> }>;
  };
}

const manifestText = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes;
const commands = contributes.commands ?? [];
const commandIds = new Set(commands.map((c) => c.command));

/** A manifest string with its %key% resolved from package.nls.json. */
function localized(value: string | undefined): string | undefined {
  const key = /^%(.+)%$/.exec(value ?? '')?.[1];
  return key === undefined ? value : nls[key];
}

function settings(): Array<[string, SettingContribution]> {
  const sections = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
  return sections.flatMap((s) => Object.entries(s?.properties ?? {}));
}

test('every command has the category "API Gateway", a title and an apigw.<verb><Noun> id', () => {
  assert.ok(commands.length > 0, 'package.json contributes no commands');
  for (const c of commands) {
    assert.equal(localized(c.category), 'API Gateway', `${c.command}: category`);
    assert.ok(localized(c.title), `${c.command}: has no title`);
    assert.match(c.command, /^apigw\.[a-z]+[A-Z][A-Za-z]*$/, `${c.command}: id is not apigw.<verb><Noun>`);
  }
});

test('every command used in a menu or keybinding is contributed', () => {
  const used = [
    ...Object.entries(contributes.menus ?? {}).flatMap(([menu, items]) => items.map((i) => [menu, i] as const)),
    ...(contributes.keybindings ?? []).map((k) => ['keybindings', k] as const),
  ];
  assert.ok(used.length > 0);
  for (const [where, item] of used) {
    if (item.command !== undefined)
      assert.ok(commandIds.has(item.command), `${where}: ${item.command} is not a contributed command`);
  }
});

test('menus on tree items are keyed on a known view and viewItem', () => {
  const viewIds = new Set(Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id)));
  for (const item of contributes.menus?.['view/item/context'] ?? []) {
    const view = /view == ([\w.]+)/.exec(item.when ?? '')?.[1];
    assert.ok(
      view !== undefined && viewIds.has(view),
      `${item.command}: when "${item.when}" names no contributed view`,
    );
    assert.match(item.when ?? '', /viewItem/, `${item.command}: not keyed on viewItem`);
  }
});

test('every view belongs to a contributed container and every container icon exists', () => {
  const containers = Object.values(contributes.viewsContainers ?? {}).flat();
  const containerIds = new Set([...containers.map((c) => c.id), 'explorer', 'scm', 'debug', 'test']);
  for (const [container, views] of Object.entries(contributes.views ?? {})) {
    assert.ok(containerIds.has(container), `views.${container}: no such container`);
    for (const v of views) assert.ok(localized(v.name), `${v.id}: has no name`);
  }
  for (const c of containers)
    assert.ok(fs.existsSync(path.join(repoRoot, c.icon)), `${c.id}: icon ${c.icon} is missing`);
});

test('every setting has a scope and a description', () => {
  assert.ok(settings().length > 0, 'package.json contributes no settings');
  for (const [name, s] of settings()) {
    assert.ok(s.scope, `${name}: has no scope`);
    assert.ok(localized(s.description) ?? localized(s.markdownDescription), `${name}: has no description`);
  }
});

test('activation is never "*" and uses only narrow events', () => {
  const events = manifest.activationEvents ?? [];
  assert.ok(!events.includes('*'), 'activationEvents contains "*"');
  for (const e of events) {
    assert.ok(e !== 'onStartupFinished', 'onStartupFinished activates in every workspace');
    assert.notEqual(e, 'workspaceContains:**/*', 'workspaceContains:**/* matches every workspace');
    assert.ok(!/^workspaceContains:\*\*\/\*\.(ya?ml|json)$/.test(e), `${e} matches any YAML/JSON workspace`);
  }
});

test('every %key% used in package.json exists in package.nls.json', () => {
  const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] as string);
  assert.ok(keys.length > 0);
  for (const key of keys) assert.ok(key in nls, `%${key}% is not in package.nls.json`);
});

test('every viewsWelcome belongs to a contributed view and links only contributed commands', () => {
  const viewIds = new Set(Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id)));
  for (const w of contributes.viewsWelcome ?? []) {
    assert.ok(viewIds.has(w.view), `viewsWelcome: no view ${w.view}`);
    const text = localized(w.contents) ?? '';
    for (const m of text.matchAll(/\(command:([\w.]+)/g))
      assert.ok(commandIds.has(m[1] as string), `viewsWelcome links ${m[1]}`);
  }
  for (const id of viewIds) {
    assert.ok(
      (contributes.viewsWelcome ?? []).some((w) => w.view === id),
      `view ${id} has no viewsWelcome`,
    );
  }
});

test('engines.vscode is the minimum of the @types/vscode version', () => {
  const types = manifest.devDependencies['@types/vscode'] ?? '';
  const typesVersion = /(\d+\.\d+)\.\d+/.exec(types)?.[1];
  assert.ok(typesVersion, `@types/vscode has no x.y.z version: "${types}"`);
  assert.equal(manifest.engines.vscode, `^${typesVersion}.0`);
});

test('commands that need a trusted workspace are offered only there, in every menu, as the mock commands are', () => {
  // The mock's (they run the workspace's handlers) and AWS's (they act with the user's credentials): each menu
  // entry that shows them carries isWorkspaceTrusted, unless it never shows them (`false`); the commands also
  // refuse in Restricted Mode when run another way (test/unit/extension/restrictedMode.test.ts).
  const needTrust = [
    'apigw.startMock',
    'apigw.invokeRoute',
    'apigw.deployApi',
    'apigw.invokeRouteOnAws',
    'apigw.deleteStage',
    'apigw.startGetStartedMock',
    'apigw.invokeGetStartedRoute',
    'apigw.deployDryRun',
  ];
  const menus = Object.entries(contributes.menus ?? {});
  for (const id of needTrust) {
    const entries = menus.flatMap(([menu, items]) =>
      items.filter((i) => i.command === id).map((i) => [menu, i.when ?? ''] as const),
    );
    assert.ok(entries.length > 0, `${id} is in no menu`);
    for (const [menu, when] of entries) {
      if (when === 'false') continue;
      assert.match(
        when,
        /(^|&& )isWorkspaceTrusted( &&|$)/,
        `${id} in ${menu}: when "${when}" lacks isWorkspaceTrusted`,
      );
    }
    const palette = entries.filter(([menu]) => menu === 'commandPalette');
    assert.equal(palette.length, 1, `${id}: the command palette shows it in untrusted workspaces`);
  }
});

test('the walkthrough: localized texts, media that ship, and buttons and completion events that exist', () => {
  const walkthroughs = contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1, 'one Get Started walkthrough');
  const viewIds = new Set(Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id)));
  const containerIds = Object.values(contributes.viewsContainers ?? {}).flatMap((c) => c.map((v) => v.id));
  // Built-in commands a button may run: opening this extension's view container.
  const builtIn = new Set(containerIds.map((id) => `workbench.view.extension.${id}`));
  const vscodeignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8');
  assert.match(
    vscodeignore,
    /^!media\/(\*\*|walkthrough\/)/m,
    'media/walkthrough/ is not allowlisted in .vscodeignore',
  );
  for (const walkthrough of walkthroughs) {
    assert.ok(localized(walkthrough.title) && localized(walkthrough.description), `${walkthrough.id}: texts`);
    assert.equal(new Set(walkthrough.steps.map((s) => s.id)).size, walkthrough.steps.length, 'step ids are unique');
    for (const step of walkthrough.steps) {
      assert.match(step.id, new RegExp(`^${walkthrough.id.replace(/\./g, '\\.')}\\.[a-z][A-Za-z]*$`));
      assert.ok(localized(step.title), `${step.id}: has no title`);
      const description = localized(step.description) ?? '';
      assert.notEqual(description, '', `${step.id}: has no description`);
      const media = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(media, `${step.id}: has no media`);
      assert.match(media, /^media\/walkthrough\/[\w.-]+\.(md|svg)$/, `${step.id}: media outside media/walkthrough/`);
      assert.ok(fs.existsSync(path.join(repoRoot, media)), `${step.id}: ${media} is missing`);
      if (step.media.markdown === undefined) assert.ok(step.media.altText, `${step.id}: an image needs altText`);
      const links = [...description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)(?:\?[^)]*)?\)/g)].map(
        (m) => m[1] as string,
      );
      assert.ok(links.length > 0, `${step.id}: no button`);
      for (const id of links) assert.ok(commandIds.has(id) || builtIn.has(id), `${step.id}: links ${id}`);
      for (const event of step.completionEvents ?? []) {
        const [kind, id = ''] = event.split(':');
        if (kind === 'onCommand') assert.ok(commandIds.has(id), `${step.id}: ${event} names no contributed command`);
        else if (kind === 'onView') assert.ok(viewIds.has(id), `${step.id}: ${event} names no contributed view`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  }
});
