// compileTemplate's cache by text: a small LRU. A hit keeps an entry longest; the least recently used one goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileTemplate } from '../../../src/vtl';

describe('compileTemplate cache', () => {
  it('returns the same compiled template for the same text, and evicts the least recently used first', () => {
    // Fill the cache (256 entries) with these texts only, oldest first.
    const texts = Array.from({ length: 300 }, (_, i) => `#set($n = ${i})$n`);
    const compiled = texts.map((text) => compileTemplate(text));
    const kept = texts.slice(-256);
    const [oldest, second] = [kept[0]!, kept[1]!];
    const oldestCompiled = compiled[texts.length - 256]!;
    const secondCompiled = compiled[texts.length - 255]!;
    assert.equal(compileTemplate(oldest), oldestCompiled, 'a hit');
    // A new text evicts the least recently used: not the oldest (just used), the second.
    compileTemplate('#set($n = "new")$n');
    assert.equal(compileTemplate(oldest), oldestCompiled);
    assert.notEqual(compileTemplate(second), secondCompiled, 'compiled again after its eviction');
    assert.equal(compileTemplate(texts[0]!) === compiled[0], false, 'evicted long ago');
  });
});
