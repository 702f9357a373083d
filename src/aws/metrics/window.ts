// The time window of a metrics report and the period of its datapoints. The dashboard offers 1 h, 3 h, 12 h, 1 d
// and 1 w; the CLI takes any duration. CloudWatch keeps 1-minute datapoints for 15 days, 5-minute ones for 63 days
// and 1-hour ones for 455 days (GetMetricData, "Amazon CloudWatch retains metric data as follows"), and API Gateway
// sends standard-resolution (1-minute) metrics: a period is a multiple of 60 s, of 300 s for a window starting more
// than 15 days ago, of 3600 s for one starting more than 63 days ago. Pure.

import { metricWindows } from '../../shared/metricWindows';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export { metricWindows };

/** The longest window CloudWatch keeps datapoints for (455 days, as 1-hour datapoints). */
export const MAX_WINDOW_MS = 455 * DAY;

/** Points one series may have in a report: enough for a chart, far under GetMetricData's 100,800 a call. */
export const MAX_POINTS_PER_SERIES = 1440;

const units = new Map([
  ['s', 1000],
  ['m', MINUTE],
  ['h', HOUR],
  ['d', DAY],
  ['w', 7 * DAY],
]);

/** '3h', '90m', '1d', '2w' (or '45s' rounded up to a minute) in ms; an error message when it is not one. */
export function parseDuration(text: string): { ms: number } | { error: string } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/i.exec(text);
  if (!match) {
    return { error: `'${text}' is not a duration: give a number and a unit, such as 30m, 3h, 1d or 1w` };
  }
  const ms = Number(match[1]) * units.get(match[2]!.toLowerCase())!;
  if (ms < MINUTE) return { error: `'${text}' is shorter than CloudWatch's smallest period (1 minute)` };
  if (ms > MAX_WINDOW_MS) return { error: `'${text}' is longer than CloudWatch keeps metrics (455 days)` };
  return { ms: Math.ceil(ms / MINUTE) * MINUTE };
}

/** The multiple a period must be of, for a window starting `startAgeMs` ago. */
export function periodGrain(startAgeMs: number): number {
  if (startAgeMs > 63 * DAY) return 3600;
  if (startAgeMs > 15 * DAY) return 300;
  return 60;
}

/** A period for the window: its preset's, else the smallest allowed one that keeps a series under the point limit. */
export function choosePeriod(windowMs: number, startAgeMs = windowMs): number {
  const grain = periodGrain(startAgeMs);
  const preset = metricWindows.find((w) => w.ms === windowMs)?.periodSeconds;
  if (preset !== undefined && preset % grain === 0) return preset;
  const needed = Math.ceil(windowMs / 1000 / MAX_POINTS_PER_SERIES);
  const nice = [60, 300, 900, 3600, 6 * 3600, 86400].find((p) => p >= needed && p % grain === 0);
  return nice ?? Math.ceil(needed / grain) * grain;
}

/** Why `periodSeconds` cannot chart this window, or undefined when it can. */
export function periodProblem(periodSeconds: number, windowMs: number, startAgeMs = windowMs): string | undefined {
  if (!Number.isInteger(periodSeconds) || periodSeconds < 60 || periodSeconds % 60 !== 0) {
    return `the period must be a whole number of minutes in seconds (60, 300, 3600, …), not ${periodSeconds}: API Gateway sends 1-minute metrics`;
  }
  const grain = periodGrain(startAgeMs);
  if (periodSeconds % grain !== 0) {
    const kept = grain === 300 ? '15 days' : '63 days';
    return `CloudWatch keeps datapoints older than ${kept} only as ${grain / 60}-minute aggregates: give a period that is a multiple of ${grain}`;
  }
  const points = Math.ceil(windowMs / 1000 / periodSeconds);
  if (points > MAX_POINTS_PER_SERIES) {
    return `a period of ${periodSeconds} s gives ${points} points a series over this window (at most ${MAX_POINTS_PER_SERIES}): give a longer period or a shorter window`;
  }
  return undefined;
}

/** '3 h', '90 min', '2 d' for a report title or a note. */
export function describeWindow(ms: number): string {
  const preset = metricWindows.find((w) => w.ms === ms);
  if (preset) return preset.label;
  if (ms % DAY === 0) return `${ms / DAY} d`;
  if (ms % HOUR === 0) return `${ms / HOUR} h`;
  return `${Math.round(ms / MINUTE)} min`;
}
