/** Loads rendered rule files back as data, for tests that inspect every rule. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type {
  PrometheusAlertRule,
  PrometheusRecordingRule,
  RenderProfile,
} from '../../src/index.ts';
import { renderRuleFiles } from '../../src/index.ts';
import { GENERATED_DIR } from './paths.ts';

type Rule = PrometheusAlertRule | PrometheusRecordingRule;

interface RuleFile {
  groups: { name: string; interval: string; rules: Rule[] }[];
}

/** A rule with the file it came from. */
export type LocatedRule = Rule & { readonly file: string };

function rulesOf(file: string, text: string): LocatedRule[] {
  const parsed = parse(text) as RuleFile;
  return parsed.groups.flatMap((group) => group.rules.map((rule) => ({ ...rule, file })));
}

/** Every rule of the committed production files. */
export function committedRules(): LocatedRule[] {
  return readdirSync(GENERATED_DIR)
    .filter((name) => name.endsWith('.rules.yaml'))
    .flatMap((name) => rulesOf(name, readFileSync(join(GENERATED_DIR, name), 'utf8')));
}

/** Every rule as `profile` renders it. */
export function renderedRules(profile: RenderProfile): LocatedRule[] {
  return renderRuleFiles({ profile }).flatMap((file) => rulesOf(file.fileName, file.content));
}

/** True for alerting rules. */
export function isAlertRule<R extends Rule>(rule: R): rule is R & PrometheusAlertRule {
  return 'alert' in rule;
}
