// Which readers read each scalar value, so that after an edit of one value only what read it runs again.
//
// Every read of a scalar's `value` ORs the current reader mask into the scalar's `readers`. A reader (the model
// builder, a rule) runs inside `readingAs(bit, ...)`. A deterministic reader whose output changed after a
// one-value edit must have read that value (its first different step follows a read of it), so a reader whose
// bit the edited scalar does not carry gives the same output as before. Marks only accumulate: a stale mark
// makes a reader run again when it need not (safe); a missing one would not, so every read is marked.

/** The bit of the model build (and of model values computed later, when first asked for: build/lazy.ts). */
export const MODEL_READER = 1;

/** The bits of the readers running now (0: nobody is tracked). */
let current = 0;
/** How many asynchronous readers hold each of the first bits (they may interleave with other work). */
const held = new Map<number, number>();

export function currentReaders(): number {
  return current;
}

/** Runs a synchronous reader with `bit` added to the mask (nested readers keep the outer bits). */
export function readingAs<T>(bit: number, run: () => T): T {
  const before = current;
  current = before | bit;
  try {
    return run();
  } finally {
    current = before;
  }
}

/**
 * Runs an asynchronous reader with `bit` in the mask until it settles. Work that interleaves with it is marked
 * with the bit too (more marks than needed, which is safe).
 */
export async function readingAsAsync<T>(bit: number, run: () => Promise<T>): Promise<T> {
  held.set(bit, (held.get(bit) ?? 0) + 1);
  current |= bit;
  try {
    return await run();
  } finally {
    const left = (held.get(bit) ?? 1) - 1;
    if (left > 0) held.set(bit, left);
    else {
      held.delete(bit);
      current &= ~bit;
    }
  }
}
