import { renderEnvExample } from './render-env-example.ts';
import { renderReference } from './render-reference.ts';
import { misplacedSettings } from './sections.ts';

/** One generated file, its path relative to the repository root. */
export interface Output {
  readonly path: string;
  readonly content: string;
}

/** The committed files generated from the settings tables. */
export function configDocOutputs(): Output[] {
  const misplaced = misplacedSettings();
  if (misplaced.length > 0) {
    throw new Error(
      `place each setting in exactly one section of scripts/config-docs/sections.ts: ${misplaced.join(', ')}`,
    );
  }
  return [
    { path: '.env.production.example', content: renderEnvExample() },
    { path: 'docs/configuration.md', content: renderReference() },
  ];
}
