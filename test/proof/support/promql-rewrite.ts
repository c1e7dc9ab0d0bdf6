/**
 * PromQL rewrites for the dead-panel proof, on the syntax tree of Prometheus's own Lezer grammar
 * (the one its web UI uses), so they follow the language rather than the spelling:
 *
 * - an alert expression returns nothing while the system is healthy, because its comparison
 *   filters every series out (or its `absent()` finds the series); `conditionsRemoved` keeps
 *   every operand and every vector match but lets each condition pass, so "no data" can only mean
 *   a missing series or a failed match;
 * - a panel's `... or on() vector(0)` fallback turns "no series" into a zero line on purpose;
 *   `withoutZeroFallback` takes it away, so the panel's own series can be checked.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

const COMPARISONS = new Set(['Gtr', 'Gte', 'Lss', 'Lte', 'Eql', 'Neq']);

/**
 * `expr` with its conditions taken away: every filtering comparison (`a > b`, not `a > bool b`)
 * passes and every `absent(x)` reads as `x`. The result has data exactly when every series the
 * expression reads exists and every vector match finds its partner.
 */
export function conditionsRemoved(expr: string): string {
  return rewrite(expr, (node, render) => {
    if (isCall(expr, node, 'absent')) return render(node.lastChild as SyntaxNode);
    const parts = binaryParts(node);
    if (parts === undefined || !COMPARISONS.has(parts.operator.name)) return undefined;
    if (parts.modifiers.some((m) => m.name === 'BoolModifier')) return undefined;
    // `a + 0 * b` keeps a's series where a comparison would keep them, matching as it does.
    const matching = parts.modifiers.map((m) => ` ${expr.slice(m.from, m.to)}`).join('');
    return `(${render(parts.left)}) +${matching} (0 * (${render(parts.right)}))`;
  });
}

/** `expr` without its `or vector(<number>)` fallbacks (with any `on()`). */
export function withoutZeroFallback(expr: string): string {
  return rewrite(expr, (node, render) => {
    const parts = binaryParts(node);
    if (parts?.operator.name !== 'Or' || !isConstantVector(expr, parts.right)) return undefined;
    return render(parts.left);
  });
}

/** The instant-vector selectors in `expr` (`up{job="x"}`), each once, as written. */
export function vectorSelectors(expr: string): string[] {
  const found = new Set<string>();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'VectorSelector') found.add(expr.slice(node.from, node.to));
    },
  });
  return [...found];
}

type Render = (node: SyntaxNode) => string;
type Replace = (node: SyntaxNode, render: Render) => string | undefined;

// Re-prints the tree, letting `replace` substitute any node; the text between children is kept.
function rewrite(expr: string, replace: Replace): string {
  const render: Render = (node) => {
    const replaced = replace(node, render);
    if (replaced !== undefined) return replaced;
    let text = '';
    let at = node.from;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      text += expr.slice(at, child.from) + render(child);
      at = child.to;
    }
    return text + expr.slice(at, node.to);
  };
  return render(parser.parse(expr).topNode);
}

interface BinaryParts {
  readonly left: SyntaxNode;
  readonly operator: SyntaxNode;
  readonly modifiers: readonly SyntaxNode[];
  readonly right: SyntaxNode;
}

// A BinaryExpr's children: left operand, operator, optional bool and on/ignoring, right operand.
function binaryParts(node: SyntaxNode): BinaryParts | undefined {
  if (node.name !== 'BinaryExpr') return undefined;
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
  const [left, operator, ...rest] = children;
  const right = rest.pop();
  if (left === undefined || operator === undefined || right === undefined) return undefined;
  return { left, operator, modifiers: rest, right };
}

// A FunctionCall's children: FunctionIdentifier, then FunctionCallBody `(args)`.
function isCall(expr: string, node: SyntaxNode, name: string): boolean {
  const identifier = node.name === 'FunctionCall' ? node.firstChild : null;
  return identifier !== null && expr.slice(identifier.from, identifier.to) === name;
}

function isConstantVector(expr: string, node: SyntaxNode): boolean {
  return /^vector\(\s*[\d.]+\s*\)$/.test(expr.slice(node.from, node.to));
}
