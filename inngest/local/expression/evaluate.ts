import { parseExpression, type Node } from './parse.ts';

/** A field that does not exist: CEL reports an error; Inngest treats an erroring expression as "no match". */
const MISSING = Symbol('missing');
type Value = unknown;

const cache = new Map<string, Node>();

function compiled(source: string): Node {
  let node = cache.get(source);
  if (!node) {
    node = parseExpression(source);
    if (cache.size > 1000) cache.clear();
    cache.set(source, node);
  }
  return node;
}

/** Throws ExpressionError when `source` is not in the supported subset. */
export function validateExpression(source: string): void {
  compiled(source);
}

/** Evaluates to a value; `undefined` when a referenced field is missing or types do not fit. */
export function evaluateExpression(source: string, vars: Record<string, unknown>): unknown {
  const value = evaluate(compiled(source), vars);
  return value === MISSING ? undefined : value;
}

/** True only when the expression evaluates to `true` (errors and missing fields are no match). */
export function matchesExpression(source: string | undefined, vars: Record<string, unknown>): boolean {
  if (!source || !source.trim()) return true;
  try {
    return evaluateExpression(source, vars) === true;
  } catch {
    return false;
  }
}

function evaluate(node: Node, vars: Record<string, unknown>): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'ident':
      return Object.hasOwn(vars, node.name) ? vars[node.name] : MISSING;
    case 'list':
      return node.items.map((item) => evaluate(item, vars));
    case 'member': {
      const object = evaluate(node.object, vars);
      const key = evaluate(node.property, vars);
      if (object === null || typeof object !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) return MISSING;
      return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : MISSING;
    }
    case 'unary': {
      const operand = evaluate(node.operand, vars);
      if (node.op === '!') return typeof operand === 'boolean' ? !operand : MISSING;
      return typeof operand === 'number' ? -operand : MISSING;
    }
    case 'conditional': {
      const test = evaluate(node.test, vars);
      if (typeof test !== 'boolean') return MISSING;
      return evaluate(test ? node.then : node.otherwise, vars);
    }
    case 'call':
      return call(node, vars);
    case 'binary':
      return binary(node.op, node.left, node.right, vars);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, vars: Record<string, unknown>): Value {
  const left = evaluate(leftNode, vars);
  if (op === '&&' || op === '||') {
    const short = op === '||';
    if (left === short) return short;
    const right = evaluate(rightNode, vars);
    if (right === short) return short;
    return typeof left === 'boolean' && typeof right === 'boolean' ? !short : MISSING;
  }
  const right = evaluate(rightNode, vars);
  if (left === MISSING || right === MISSING) return MISSING;
  switch (op) {
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case 'in':
      if (Array.isArray(right)) return right.some((item) => deepEqual(item, left));
      return right !== null && typeof right === 'object' && typeof left === 'string' ? Object.hasOwn(right, left) : MISSING;
    case '+':
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
      return typeof left === 'number' && typeof right === 'number' ? left + right : MISSING;
  }
  if (typeof left === 'number' && typeof right === 'number') {
    const arithmetic: Record<string, () => number> = { '-': () => left - right, '*': () => left * right, '/': () => left / right, '%': () => left % right };
    if (arithmetic[op]) return arithmetic[op]();
  }
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return MISSING;
  const [a, b] = [left as number | string, right as number | string];
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : MISSING;
}

function call(node: Extract<Node, { type: 'call' }>, vars: Record<string, unknown>): Value {
  if (node.name === 'has' && !node.target) {
    const [arg] = node.args;
    return arg?.type === 'member' ? evaluate(arg, vars) !== MISSING : MISSING;
  }
  const target = node.target ? evaluate(node.target, vars) : undefined;
  const args = node.args.map((a) => evaluate(a, vars));
  const [first] = node.target ? [target] : args;
  const [second] = node.target ? args : args.slice(1);
  if (first === MISSING || second === MISSING) return MISSING;
  const text = (v: unknown): v is string => typeof v === 'string';
  switch (node.name) {
    case 'size':
      if (text(first) || Array.isArray(first)) return first.length;
      return first !== null && typeof first === 'object' ? Object.keys(first).length : MISSING;
    case 'startsWith':
      return text(first) && text(second) ? first.startsWith(second) : MISSING;
    case 'endsWith':
      return text(first) && text(second) ? first.endsWith(second) : MISSING;
    case 'contains':
      return text(first) && text(second) ? first.includes(second) : MISSING;
    case 'lowerAscii':
      return text(first) ? first.toLowerCase() : MISSING;
    case 'string':
      return first === null || typeof first === 'object' ? MISSING : String(first);
    case 'int':
      return Number.isFinite(Number(first)) ? Math.trunc(Number(first)) : MISSING;
    default:
      return MISSING;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
