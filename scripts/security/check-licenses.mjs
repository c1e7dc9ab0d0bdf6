#!/usr/bin/env node
// Checks every package in the production dependency tree (`pnpm licenses list --prod --json`)
// against license-policy.json: a package passes when its SPDX expression is satisfied by the
// allowed licenses (`A OR B` needs one, `A AND B` needs both) or when it is a reviewed exception.
// Usage: node scripts/security/check-licenses.mjs [licenses.json]   (default: runs pnpm)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const policy = JSON.parse(readFileSync(new URL('./license-policy.json', import.meta.url), 'utf8'));
const allowed = new Set(policy.allowed);
const exceptions = new Map(policy.exceptions.map((e) => [`${e.package} ${e.license}`, e.reason]));

const listing = process.argv[2]
  ? readFileSync(process.argv[2], 'utf8')
  : execFileSync('pnpm', ['licenses', 'list', '--prod', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });

const refused = [];
const excepted = [];
let checked = 0;
for (const packages of Object.values(JSON.parse(listing))) {
  for (const pkg of packages) {
    checked += 1;
    const license = String(pkg.license ?? 'UNKNOWN');
    if (satisfies(license)) continue;
    const entry = `${pkg.name}@${pkg.versions.join(',')} (${license})`;
    if (exceptions.has(`${pkg.name} ${license}`)) excepted.push(entry);
    else refused.push(entry);
  }
}

for (const entry of excepted) console.error(`[lookout] license exception (reviewed): ${entry}`);
if (refused.length > 0) {
  for (const entry of refused) console.error(`[lookout] license not allowed: ${entry}`);
  console.error(
    '[lookout] replace these packages, or review them and add an exception with a reason to scripts/security/license-policy.json',
  );
  process.exit(1);
}
console.error(
  `[lookout] ${checked} production packages, all licenses allowed (${excepted.length} reviewed exceptions)`,
);

/** Evaluates an SPDX expression against the allow-list; parentheses, AND and OR, AND binding tighter. */
function satisfies(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let position = 0;
  const orExpression = () => {
    let result = andExpression();
    while (tokens[position] === 'OR') {
      position += 1;
      result = andExpression() || result;
    }
    return result;
  };
  const andExpression = () => {
    let result = term();
    while (tokens[position] === 'AND') {
      position += 1;
      result = term() && result;
    }
    return result;
  };
  const term = () => {
    const token = tokens[position++];
    if (token === '(') {
      const result = orExpression();
      position += 1;
      return result;
    }
    // `X WITH exception` is judged by X; the exception only widens what X permits.
    if (tokens[position] === 'WITH') position += 2;
    return allowed.has(token);
  };
  const result = orExpression();
  return result && position === tokens.length;
}
