/**
 * Whether a promise settles (either way) within `ms`: how the worker watchdogs tell a slow
 * answer from none at all (src/data/duckdb.ts, src/data/watchedAccess.ts).
 */
export function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}
