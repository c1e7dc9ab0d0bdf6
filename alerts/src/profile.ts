/**
 * Render profiles: the same rule sources rendered for production, or compressed in time for tests
 * that must watch alerts fire within seconds.
 *
 * Sources always state production durations. A profile divides every window, offset and `for`
 * by `timeScale`, so a fast profile keeps each alert's shape: the ratio of every long window to
 * its short window, the burn-rate factors and the thresholds stay exactly as in production. Only
 * names keep their production spelling (`slo:error_ratio:rate1h` is still called `rate1h` when its
 * window is 1m), so dashboards and tests query the same series in both.
 */
import { type Duration, formatSeconds, toSeconds } from './duration.ts';

/** How durations are rendered. */
export interface RenderProfile {
  /** Written into each generated file's header. */
  readonly name: string;
  /** Every production duration is divided by this; 1 for production. */
  readonly timeScale: number;
  /** Rule-group evaluation interval, seconds. */
  readonly evaluationIntervalSeconds: number;
  /**
   * The shortest range a `rate()` may get, seconds. A rate needs two samples; four scrape
   * intervals leave room for one missed scrape.
   */
  readonly minRangeSeconds: number;
}

/** Production: durations as written, evaluated every minute. */
export const PRODUCTION_PROFILE: RenderProfile = Object.freeze({
  name: 'production',
  timeScale: 1,
  evaluationIntervalSeconds: 60,
  minRangeSeconds: 60,
});

/** Options of {@link fastProfile}. */
export interface FastProfileOptions {
  /** Production seconds per fast second; default 60, so one hour becomes one minute. */
  readonly timeScale?: number;
  /** The scrape interval of the Prometheus that loads the rules, seconds; default 1. */
  readonly scrapeIntervalSeconds?: number;
}

/**
 * A profile for end-to-end tests: with the defaults, the 1h/5m page window becomes 1m/5s and a
 * `for: 5m` becomes 5s, while groups evaluate every scrape interval.
 */
export function fastProfile(options: FastProfileOptions = {}): RenderProfile {
  const timeScale = options.timeScale ?? 60;
  const scrape = options.scrapeIntervalSeconds ?? 1;
  if (!(timeScale >= 1) || !(scrape > 0)) {
    throw new RangeError(`fastProfile needs timeScale >= 1 and a positive scrape interval`);
  }
  return Object.freeze({
    name: `fast (durations / ${timeScale}, scrape ${scrape}s)`,
    timeScale,
    evaluationIntervalSeconds: scrape,
    minRangeSeconds: 4 * scrape,
  });
}

/** The fast profile with its defaults. */
export const FAST_PROFILE: RenderProfile = fastProfile();

/** `duration` scaled by the profile, whole seconds, never below one second. */
export function scaled(profile: RenderProfile, duration: Duration): number {
  return Math.max(1, Math.round(toSeconds(duration) / profile.timeScale));
}

/** A range for `[...]` selectors: scaled, and never shorter than the profile's minimum range. */
export function range(profile: RenderProfile, duration: Duration): string {
  return formatSeconds(Math.max(profile.minRangeSeconds, scaled(profile, duration)));
}

/** An `offset` or a `for`: scaled, without the range minimum. */
export function hold(profile: RenderProfile, duration: Duration): string {
  return formatSeconds(scaled(profile, duration));
}
