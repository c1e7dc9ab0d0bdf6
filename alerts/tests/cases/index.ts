/** Every promtool unit-test file the generator writes to alerts/tests/. */
import type { UnitTestFile } from '../../src/unit-tests/unit-test-types.ts';
import { HTTP_TESTS } from './http.ts';
import { PIPELINE_TESTS } from './pipeline.ts';
import { RUNTIME_TESTS } from './runtime.ts';
import { SECURITY_TESTS } from './security.ts';
import { SLO_TESTS } from './slo.ts';
import { SLO_SLOW_BURN_TESTS } from './slo-slow-burn.ts';
import { TARGET_TESTS } from './targets.ts';
import { WATCHDOG_TESTS } from './watchdog.ts';

export const UNIT_TEST_FILES: readonly UnitTestFile[] = [
  SLO_TESTS,
  SLO_SLOW_BURN_TESTS,
  HTTP_TESTS,
  TARGET_TESTS,
  RUNTIME_TESTS,
  PIPELINE_TESTS,
  SECURITY_TESTS,
  WATCHDOG_TESTS,
];
