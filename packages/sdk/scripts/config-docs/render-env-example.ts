import type { AnySetting } from '../../src/config/setting.ts';
import { formatDefault } from './format-value.ts';
import { PRODUCTION_VALUES, type Recommendation } from './production-values.ts';
import { ALL_SETTINGS, SECTIONS, type Section, type SettingName } from './sections.ts';
import { wrapText } from './wrap-text.ts';

const WIDTH = 100;
const RULE = `# ${'='.repeat(WIDTH - 2)}`;

const PREAMBLE = [
  'Lookout production configuration: every variable the SDK reads, with what it does, what it ' +
    'accepts and its default. Active lines are recommended production values; a commented line ' +
    'keeps the default.',
  'Copy to .env.production (never commit it: scripts/security/check.sh fails on a tracked .env ' +
    'file) or set the variables in your orchestrator. The SDK validates everything at start and ' +
    'refuses to start with one error listing every invalid setting (code LOOKOUT_CONFIG_INVALID).',
  'Secrets are given as <NAME>_FILE=/path/to/file, the form Docker and Kubernetes secrets mount, ' +
    'never inline; setting both NAME and NAME_FILE is an error. Secret values are never logged, ' +
    'put on spans or sent to Sentry.',
  'The sidecar has variables of its own (docs/sidecar-settings.md). Keep them out of the ' +
    'service’s environment: an unknown LOOKOUT_ variable stops the service at start.',
  'Generated from the SDK’s settings tables by `pnpm --filter @lookout/sdk generate:config-docs`: ' +
    'edit the tables, not this file. The same settings as a table: docs/configuration.md.',
];

/** `.env.production.example`: every setting in section order, each with its comment block. */
export function renderEnvExample(): string {
  const preamble = PREAMBLE.map((paragraph) => wrapText(paragraph, WIDTH, '# ').join('\n'));
  const parts = [preamble.join('\n#\n'), ...SECTIONS.map(renderSection)];
  return `${parts.join('\n\n')}\n`;
}

function renderSection(section: Section): string {
  const header = [RULE, `# ${section.title}`, ...wrapText(section.intro, WIDTH, '# '), RULE];
  const blocks = section.names.map((name) => renderSetting(name, ALL_SETTINGS[name]));
  return [header.join('\n'), ...blocks].join('\n\n');
}

function renderSetting(name: SettingName, setting: AnySetting | undefined): string {
  if (setting === undefined) throw new Error(`${name} is in no settings table`);
  const recommendation = PRODUCTION_VALUES[name];
  const comments = [
    setting.doc,
    `Expected: ${setting.expected}. Default: ${describeDefault(setting)}.`,
    ...(setting.secret ? [`Secret: give it as ${name}_FILE, a file holding the value.`] : []),
    ...(recommendation ? [`Production: ${recommendation.why}`] : []),
  ];
  const lines = comments.flatMap((comment) => wrapText(comment, WIDTH, '# '));
  return [...lines, assignment(name, setting, recommendation)].join('\n');
}

function describeDefault(setting: AnySetting): string {
  const text = formatDefault(setting.default);
  if (text === undefined) return '(unset)';
  return text === '' ? '(empty)' : text;
}

/** The variable line: active with the recommended value, else commented with the default. */
function assignment(
  name: SettingName,
  setting: AnySetting,
  recommendation: Recommendation | undefined,
): string {
  const variable = setting.secret ? `${name}_FILE` : name;
  if (recommendation !== undefined) {
    const line = `${variable}=${recommendation.value}`;
    return recommendation.optional ? `# ${line}` : line;
  }
  return `# ${variable}=${setting.secret ? '' : (formatDefault(setting.default) ?? '')}`;
}
