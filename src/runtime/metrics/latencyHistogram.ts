/**
 * Latencies kept as counts in logarithmic bins (5% wide, from 0.1 ms), so a period's percentiles need bounded
 * memory whatever the traffic: a percentile is read within 2.5% of the true value, clamped to the smallest
 * and largest latency seen.
 */
export class LatencyHistogram {
  private readonly bins = new Map<number, number>();
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(ms: number): void {
    const value = ms > 0 ? ms : 0;
    const bin = binOf(value);
    this.bins.set(bin, (this.bins.get(bin) ?? 0) + 1);
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  merge(other: LatencyHistogram): void {
    for (const [bin, n] of other.bins) this.bins.set(bin, (this.bins.get(bin) ?? 0) + n);
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** The value under which `p` percent of the latencies fall (nearest rank), or undefined when empty. */
  percentile(p: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    // The extremes are known exactly (a handful of requests reads as they were).
    if (rank >= this.count) return this.max;
    if (rank === 1) return this.min;
    let seen = 0;
    for (const bin of [...this.bins.keys()].sort((a, b) => a - b)) {
      seen += this.bins.get(bin)!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, valueOf(bin)));
    }
    return this.max;
  }

  average(): number | undefined {
    return this.count === 0 ? undefined : this.sum / this.count;
  }
}

const growth = Math.log(1.05);
const floorMs = 0.1;

function binOf(ms: number): number {
  return ms <= floorMs ? 0 : Math.floor(Math.log(ms / floorMs) / growth) + 1;
}

/** The middle of a bin (geometric), the value its latencies are read as. */
function valueOf(bin: number): number {
  return bin === 0 ? floorMs : floorMs * Math.exp((bin - 0.5) * growth);
}
