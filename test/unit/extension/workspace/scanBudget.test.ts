// A full scan reads small saved files at once while its byte budget lasts, and gives other work a turn of the
// event loop once it has been busy for its slice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCandidate, scanBudget, yieldIfBusy } from '../../../../src/extension/workspace/scanBudget';

/** A file system over a map that records how each file was read. */
function fakeFs(files: Record<string, string>, canReadNow = true) {
  const calls: string[] = [];
  const bytes = (p: string): Uint8Array | undefined => (p in files ? new TextEncoder().encode(files[p]) : undefined);
  return {
    calls,
    fs: {
      size(p: string) {
        calls.push(`size ${p}`);
        return Promise.resolve(bytes(p)?.byteLength);
      },
      readFile(p: string) {
        calls.push(`readFile ${p}`);
        const b = bytes(p);
        return b ? Promise.resolve(b) : Promise.reject(new Error(`Cannot read ${p}`));
      },
      ...(canReadNow
        ? {
            readNow(p: string, maxBytes: number) {
              calls.push(`readNow ${p} ${maxBytes}`);
              const b = bytes(p);
              return b && b.byteLength <= maxBytes ? b : undefined;
            },
          }
        : {}),
    },
  };
}

const text = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);

describe('readCandidate', () => {
  it('reads at once while the budget lasts, then asynchronously', async () => {
    const { fs, calls } = fakeFs({ '/a': '12345', '/b': '1234', '/c': '12' });
    const budget = scanBudget(8, 1000);
    assert.equal(text(await readCandidate('/a', fs, 100, budget)), '12345');
    assert.equal(budget.bytes, 3);
    // 4 bytes do not fit in the 3 left: read asynchronously, the budget unchanged.
    assert.equal(text(await readCandidate('/b', fs, 100, budget)), '1234');
    assert.equal(budget.bytes, 3);
    assert.equal(text(await readCandidate('/c', fs, 100, budget)), '12');
    assert.equal(budget.bytes, 1);
    assert.deepEqual(calls, ['readNow /a 8', 'readNow /b 3', 'size /b', 'readFile /b', 'readNow /c 3']);
  });

  it('without a budget, or a file system that cannot read at once, reads asynchronously', async () => {
    const { fs, calls } = fakeFs({ '/a': 'x' });
    assert.equal(text(await readCandidate('/a', fs, 100)), 'x');
    const plain = fakeFs({ '/a': 'x' }, false);
    assert.equal(text(await readCandidate('/a', plain.fs, 100, scanBudget(100, 1000))), 'x');
    assert.deepEqual([...calls, ...plain.calls], ['size /a', 'readFile /a', 'size /a', 'readFile /a']);
  });

  it('gives bytes read at once as they are, and a promise only for a read that waits', async () => {
    const { fs } = fakeFs({ '/a': 'x', '/b': 'yy' });
    const budget = scanBudget(1, 1000);
    const now = readCandidate('/a', fs, 100, budget);
    assert.ok(!(now instanceof Promise));
    assert.equal(text(now), 'x');
    const later = readCandidate('/b', fs, 100, budget);
    assert.ok(later instanceof Promise);
    assert.equal(text(await later), 'yy');
  });

  it('a missing file or one above maxBytes gives undefined, however it is read', async () => {
    const { fs } = fakeFs({ '/big': '123456' });
    assert.equal(await readCandidate('/big', fs, 5, scanBudget(100, 1000)), undefined);
    assert.equal(await readCandidate('/missing', fs, 5, scanBudget(100, 1000)), undefined);
    assert.equal(await readCandidate('/big', fs, 5), undefined);
  });
});

describe('yieldIfBusy', () => {
  const turnTaken = async (sliceMs: number): Promise<boolean> => {
    let turned = false;
    setImmediate(() => (turned = true));
    await yieldIfBusy(scanBudget(0, sliceMs));
    return turned;
  };

  it('lets a turn of the event loop pass once the slice is used up, not before', async () => {
    assert.equal(await turnTaken(0), true);
    assert.equal(await turnTaken(60_000), false);
  });

  it('before the slice is used up gives nothing to await (an await would queue the scan behind other jobs)', () => {
    assert.equal(yieldIfBusy(scanBudget(0, 60_000)), undefined);
  });

  it('starts a new slice after the turn', async () => {
    const budget = scanBudget(0, 0);
    budget.sliceStart = -1;
    await yieldIfBusy(budget);
    assert.ok(budget.sliceStart >= 0);
  });
});
