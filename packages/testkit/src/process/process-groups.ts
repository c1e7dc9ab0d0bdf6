/**
 * Signals sent to whole process groups, and a last-resort cleanup when the test process exits.
 *
 * Every process the testkit starts leads its own group (`detached: true`), so a wrapper
 * script's children are signalled with it and nothing outlives the test that started it.
 */

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Remembers a group so it is killed if the test process exits while it still runs. */
export function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; SIGKILL needs no waiting. This only fires for groups
  // a test forgot to stop, or when the test run itself is torn down early.
  process.once('exit', () => {
    for (const group of liveGroups) signalGroup(group, 'SIGKILL');
  });
}

/** Forgets a group whose processes have all been stopped. */
export function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
}

/**
 * Sends `signal` to every process in the group led by `pid`. Returns false when the group no
 * longer exists, which is not an error: it has already gone.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
