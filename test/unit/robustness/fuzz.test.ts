// The fuzz properties (test/fuzz/properties.ts) with a small fixed-seed budget, as CI runs them; `npm run fuzz`
// (scripts/fuzz.mjs) runs the same properties with ~100,000 cases and random seeds, and times every case.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fuzzProperties } from '../../fuzz/properties';

/** Cases per property here, by weight: a few seconds in all. */
const budget = 400;

describe('fuzz properties (fixed seeds, small budget)', () => {
  for (const [index, fuzz] of fuzzProperties.entries()) {
    it(fuzz.name, async () => {
      const numRuns = Math.max(20, Math.round((budget * fuzz.weight) / 100));
      // No clock here: the unit tests never assert on time (`npm run fuzz` does).
      await fc.assert(fuzz.property(Infinity), { seed: 1600 + index, numRuns, endOnFailure: true });
    });
  }
});
