// Exact money: prices are decimal strings ('0.0000035'), amounts whole numbers of picodollars (1e-12 USD) in
// bigint, so 333 M requests at $3.50 per million is exactly $1,165.50 and tier sums never drift.

const PICO_DIGITS = 12;
const DECIMAL = /^\d+(\.\d+)?$/;

/** '0.0000035' → 3_500_000n picodollars. Throws for a price that is not a plain decimal (a bug in a table). */
export function picodollars(usd: string): bigint {
  if (!DECIMAL.test(usd)) throw new Error(`Not a decimal price: '${usd}'`);
  const [whole = '0', fraction = ''] = usd.split('.');
  const digits = fraction.slice(0, PICO_DIGITS).padEnd(PICO_DIGITS, '0');
  return BigInt(whole) * 10n ** BigInt(PICO_DIGITS) + BigInt(digits);
}

/** `count` (a whole number) units at `usdPerUnit`. */
export function times(count: number, usdPerUnit: string): bigint {
  return BigInt(count) * picodollars(usdPerUnit);
}

/** Picodollars as a number of USD, rounded half up to a millionth of a dollar (what JSON reports). */
export function toUsd(amount: bigint): number {
  const micro = (amount + 500_000n) / 1_000_000n;
  return Number(micro) / 1_000_000;
}

/** '$1,165.50'; amounts under a cent keep their first significant digits ('$0.0035'). */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${Number(usd.toPrecision(2)).toString()}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** '0.0000035' per unit → '$3.50' per million units. */
export function formatPerMillion(usdPerUnit: string): string {
  return formatUsd(toUsd(picodollars(usdPerUnit) * 1_000_000n));
}

/** 333_000_000 → '333 M', 20_000_000_000 → '20 B', 1_500 → '1,500'. */
export function formatCount(count: number): string {
  if (count >= 1e9 && count % 1e7 === 0) return `${count / 1e9} B`;
  if (count >= 1e6 && count % 1e4 === 0) return `${count / 1e6} M`;
  return count.toLocaleString('en-US');
}
