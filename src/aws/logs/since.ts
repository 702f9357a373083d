// "How far back": `--since 10m` of `apigw logs`, and the tail's history window. A duration (30s, 10m, 2h, 1d, 1w) back
// from now, or a date and time (ISO 8601, e.g. 2026-05-01T12:00:00Z).
import { badInput } from '../guard';

const unitMs = new Map([
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
  ['d', 86_400_000],
  ['w', 604_800_000],
]);

/** The start time (ms since the epoch) that `text` names, relative to `now`; refuses what it cannot read. */
export function parseSince(text: string, now: number): number {
  const value = text.trim();
  const duration = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(value);
  if (duration) {
    const amount = Number(duration[1]);
    const ms = amount * (unitMs.get(duration[2]!.toLowerCase()) ?? 0);
    if (!Number.isFinite(ms) || ms <= 0) throw badInput(`--since ${text}: the duration must be more than 0.`);
    return now - Math.round(ms);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const at = Date.parse(value);
    if (Number.isFinite(at)) {
      if (at > now) throw badInput(`--since ${text} is in the future.`);
      return at;
    }
  }
  throw badInput(
    `--since '${text}' is neither a duration (30s, 10m, 2h, 1d, 1w) nor a date and time (2026-05-01T12:00:00Z).`,
  );
}
