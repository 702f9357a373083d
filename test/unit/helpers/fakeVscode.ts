// A stand-in for the 'vscode' module, so that unit tests can run extension code whose first decisions depend only
// on a value VS Code gives (here: whether the workspace is trusted). Import it before any module that imports
// 'vscode': it answers `require('vscode')` from then on. Every member is a stub that can be read, called,
// constructed and extended without effect; `workspace.isTrusted` is what the test sets.
import Module from 'node:module';

/** A function that is also every one of its members, its own result and its own instances. */
function stub(): unknown {
  const target = function () {} as unknown as object;
  const proxy: object = new Proxy(target, {
    get: (_t, key) => {
      if (key === 'prototype') return {};
      if (key === 'then') return undefined; // not a promise: awaiting a stub gives the stub
      if (key === Symbol.hasInstance) return () => false;
      if (key === Symbol.toPrimitive) return () => '';
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

const state = { trusted: true };

const fake: object = new Proxy(
  {
    workspace: new Proxy(
      {},
      {
        get: (_t, key) => (key === 'isTrusted' ? state.trusted : stub()),
      },
    ),
  },
  {
    get: (t, key) => (key in t ? (t as Record<string | symbol, unknown>)[key] : stub()),
  },
);

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const original = loader._load;
loader._load = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
  if (request === 'vscode') return fake;
  return original.call(this, request, parent, isMain);
};

/** Sets what `vscode.workspace.isTrusted` says. */
export function setWorkspaceTrusted(trusted: boolean): void {
  state.trusted = trusted;
}
