/**
 * Renders typed unit tests as promtool test files that load the production rule files.
 */
import { DEFAULT_LINK_BASES, type LinkBases } from '../links.ts';
import { PRODUCTION_PROFILE } from '../profile.ts';
import { alertAnnotations, alertLabels, toYaml } from '../render-rules.ts';
import { ruleFiles } from '../rule-files.ts';
import { type AlertSpec, isAlert } from '../rule-types.ts';
import type { AlertCheck, ExpectedAlert, UnitTest, UnitTestFile } from './unit-test-types.ts';

/** Every production alert spec, for looking up what a test expects. */
function productionAlerts(): AlertSpec[] {
  return ruleFiles(PRODUCTION_PROFILE).flatMap((file) =>
    file.groups.flatMap((group) => group.rules.filter(isAlert)),
  );
}

/**
 * The annotations of the rules of `alert` whose own labels (severity, signal, windows...) all
 * appear in the expected labels. Several rules may match (one per service, say) as long as their
 * summary and links agree; none, or rules that disagree, mean the test case is wrong.
 */
function annotationsFor(
  alerts: readonly AlertSpec[],
  alert: string,
  expected: ExpectedAlert,
  links: LinkBases,
): Record<string, string> {
  const matches = alerts.filter((spec) => {
    if (spec.alert !== alert) return false;
    return Object.entries(alertLabels(spec)).every(
      ([name, value]) => value.includes('{{') || expected.labels[name] === value,
    );
  });
  const labels = JSON.stringify(expected.labels);
  const [first] = matches;
  if (first === undefined) throw new Error(`no rule of ${alert} has the labels ${labels}`);

  const { description: _, ...fixed } = alertAnnotations(first, links);
  for (const other of matches) {
    const { description: __, ...otherFixed } = alertAnnotations(other, links);
    if (JSON.stringify(otherFixed) !== JSON.stringify(fixed)) {
      throw new Error(`rules of ${alert} with the labels ${labels} disagree on their annotations`);
    }
  }
  return fixed;
}

/**
 * Fills `{{ $labels.<name> }}` from `labels`. Summaries and links may use nothing else, so this is
 * exactly what Prometheus renders; anything else left in braces is an error.
 */
export function fillLabels(template: string, labels: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, name: string) => {
    const value = labels[name];
    if (value === undefined) throw new Error(`"${template}" needs the label ${name}`);
    return value;
  });
  if (filled.includes('{{')) throw new Error(`"${template}" uses more than label values`);
  return filled;
}

function expectedAlert(
  alerts: readonly AlertSpec[],
  check: AlertCheck,
  expected: ExpectedAlert,
  links: LinkBases,
) {
  const annotations = annotationsFor(alerts, check.alert, expected, links);
  return {
    exp_labels: expected.labels,
    exp_annotations: {
      summary: fillLabels(annotations.summary ?? '', expected.labels),
      description: expected.description,
      runbook_url: annotations.runbook_url,
      dashboard_url: fillLabels(annotations.dashboard_url ?? '', expected.labels),
    },
  };
}

function renderTest(test: UnitTest, alerts: readonly AlertSpec[], links: LinkBases) {
  const alertTests = (test.alerts ?? []).map((check) => ({
    eval_time: check.at,
    alertname: check.alert,
    exp_alerts: check.firing.map((expected) => expectedAlert(alerts, check, expected, links)),
  }));
  const exprTests = (test.exprs ?? []).map((check) => ({
    expr: check.expr,
    eval_time: check.at,
    exp_samples: check.samples,
  }));
  return {
    name: test.name,
    interval: test.interval ?? '1m',
    input_series: test.series,
    ...(alertTests.length > 0 ? { alert_rule_test: alertTests } : {}),
    ...(exprTests.length > 0 ? { promql_expr_test: exprTests } : {}),
  };
}

/** `file` as promtool test YAML; its rule files are read from `../generated/`. */
export function renderUnitTestFile(file: UnitTestFile, links: LinkBases = DEFAULT_LINK_BASES) {
  const alerts = productionAlerts();
  const document = {
    rule_files: file.ruleFiles.map((name) => `../generated/${name}.rules.yaml`),
    evaluation_interval: file.evaluationInterval ?? '1m',
    tests: file.tests.map((test) => renderTest(test, alerts, links)),
  };
  return toYaml(document, `promtool unit tests from alerts/tests/cases/${file.name}.ts.`);
}
