/**
 * Query parsing for the tests, with the grammars Grafana's and Prometheus' own editors use.
 * Template variables are replaced by sentinel values first: the grammars do not know Grafana's
 * `$variables`, and distinct sentinels let a test tell which variable ended up where.
 */

import type { Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';
import { type DashboardQuery, renderQuery } from '../../src/index.ts';

/** Sentinel durations for the range variables, unlikely to be written by hand in a query. */
export const RANGE_SENTINELS: Readonly<Record<string, string>> = {
  __rate_interval: '4242s',
  __range: '4343s',
  __interval: '4141s',
};

/** Sentinel values for the target variables. */
export const TARGET_SENTINELS: Readonly<Record<string, string>> = {
  service: 'sentinel-service',
  environment: 'sentinel-environment',
  instance: 'sentinel-instance',
  sidecar: 'sentinel-sidecar',
  sidecar_instance: 'sentinel-sidecar-instance',
};

/** `query` with every variable replaced by its sentinel. */
export function renderWithSentinels(query: DashboardQuery): string {
  return renderQuery(query, { ...RANGE_SENTINELS, ...TARGET_SENTINELS });
}

/** The variable a sentinel duration stands for (`$__rate_interval`), or the duration itself. */
export function rangeName(duration: string): string {
  const entry = Object.entries(RANGE_SENTINELS).find(([, sentinel]) => sentinel === duration);
  return entry ? `$${entry[0]}` : duration;
}

/** Text of every error node in `tree`, with its offset. */
export function errorsIn(tree: Tree, text: string): string[] {
  const errors: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`at ${node.from}: "${text.slice(node.from, node.to + 10)}"`);
    },
  });
  return errors;
}

/** Parses `text`, returning the tree and its syntax errors. */
export function parse(parser: LRParser, text: string): { tree: Tree; errors: string[] } {
  const tree = parser.parse(text);
  return { tree, errors: errorsIn(tree, text) };
}

/** Source text of every node named `name` in `tree`. */
export function nodesNamed(tree: Tree, text: string, name: string): string[] {
  const found: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name === name) found.push(text.slice(node.from, node.to));
    },
  });
  return found;
}
