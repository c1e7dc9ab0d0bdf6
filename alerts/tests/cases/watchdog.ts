/**
 * Unit test of the Watchdog. It has no non-firing case by design: its silence is what the dead
 * man's switch watches for, and the Alertmanager tests prove where it is routed.
 */
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';

export const WATCHDOG_TESTS: UnitTestFile = {
  name: 'watchdog',
  ruleFiles: ['watchdog'],
  tests: [
    {
      name: 'the Watchdog fires from the first evaluation on, without any input',
      series: [],
      alerts: [0, 1, 60].map((minute) => ({
        at: `${minute}m`,
        alert: 'Watchdog',
        firing: [
          {
            labels: { severity: 'none' },
            description:
              "This alert fires all the time so the dead man's switch keeps receiving it. If " +
              'the switch stops hearing it, Prometheus or Alertmanager is broken.',
          },
        ],
      })),
    },
  ],
};
