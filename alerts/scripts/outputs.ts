/**
 * Everything the generator commits, as paths relative to `alerts/` with their content: the
 * production rule files and the promtool unit tests. The freshness test compares these with the
 * files on disk.
 */
import { renderRuleFiles } from '../src/render-rules.ts';
import { renderUnitTestFile } from '../src/unit-tests/render-unit-tests.ts';
import { UNIT_TEST_FILES } from '../tests/cases/index.ts';

/** A file the generator writes. */
export interface Output {
  /** Relative to the `alerts/` directory. */
  readonly path: string;
  readonly content: string;
}

/** The committed outputs, production profile and the repository's links. */
export function committedOutputs(): Output[] {
  const rules = renderRuleFiles().map((file) => ({
    path: `generated/${file.fileName}`,
    content: file.content,
  }));
  const tests = UNIT_TEST_FILES.map((file) => ({
    path: `tests/${file.name}.test.yaml`,
    content: renderUnitTestFile(file),
  }));
  return [...rules, ...tests];
}
