import { ExpressionError, tokenize, type Token } from './tokenize.ts';

/**
 * Parser for the subset of CEL (Common Expression Language) that Inngest uses in
 * trigger `if`s, waitForEvent/cancelOn `if`s and concurrency/idempotency/throttle keys:
 *
 *   expr    := or ('?' expr ':' expr)?
 *   or      := and ('||' and)*          and := compare ('&&' compare)*
 *   compare := sum (('=='|'!='|'<'|'<='|'>'|'>='|'in') sum)?
 *   sum     := product (('+'|'-') product)*   product := unary (('*'|'/'|'%') unary)*
 *   unary   := ('!'|'-') unary | postfix
 *   postfix := primary ('.' ident | '.' ident '(' args ')' | '[' expr ']')*
 *   primary := number | string | true | false | null | ident | ident '(' args ')' | '(' expr ')' | '[' args ']'
 */
export type Node =
  | { type: 'literal'; value: unknown }
  | { type: 'ident'; name: string }
  | { type: 'member'; object: Node; property: Node }
  | { type: 'call'; name: string; target?: Node; args: Node[] }
  | { type: 'list'; items: Node[] }
  | { type: 'unary'; op: string; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node };

export function parseExpression(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const isOp = (value: string) => {
    const t = peek();
    return (t.kind === 'op' || t.kind === 'ident') && t.value === value;
  };
  const fail = (what: string): never => {
    throw new ExpressionError(`${what} at ${peek().at}`, source);
  };
  const expect = (value: string) => {
    if (!isOp(value)) fail(`Expected "${value}"`);
    pos += 1;
  };

  const args = (close: string): Node[] => {
    const items: Node[] = [];
    if (!isOp(close)) {
      do items.push(expr());
      while (isOp(',') && ++pos);
    }
    expect(close);
    return items;
  };

  const primary = (): Node => {
    const t = peek();
    pos += 1;
    if (t.kind === 'number' || t.kind === 'string') return { type: 'literal', value: t.value };
    if (t.kind === 'ident') {
      if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true' };
      if (t.value === 'null') return { type: 'literal', value: null };
      if (isOp('(')) {
        pos += 1;
        return { type: 'call', name: t.value, args: args(')') };
      }
      return { type: 'ident', name: t.value };
    }
    if (t.kind === 'op' && t.value === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (t.kind === 'op' && t.value === '[') return { type: 'list', items: args(']') };
    pos -= 1;
    return fail('Unexpected token');
  };

  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      if (isOp('.')) {
        pos += 1;
        const name = peek();
        if (name.kind !== 'ident') fail('Expected a field name');
        pos += 1;
        const field = (name as { value: string }).value;
        if (isOp('(')) {
          pos += 1;
          node = { type: 'call', name: field, target: node, args: args(')') };
        } else node = { type: 'member', object: node, property: { type: 'literal', value: field } };
      } else if (isOp('[')) {
        pos += 1;
        const property = expr();
        expect(']');
        node = { type: 'member', object: node, property };
      } else return node;
    }
  };

  const unary = (): Node => {
    if (isOp('!') || isOp('-')) {
      const op = peek().kind === 'op' ? (peek() as { value: string }).value : '';
      pos += 1;
      return { type: 'unary', op, operand: unary() };
    }
    return postfix();
  };

  const binary = (next: () => Node, ops: string[], single = false) => (): Node => {
    let left = next();
    while (ops.some(isOp)) {
      const op = (peek() as { value: string }).value;
      pos += 1;
      left = { type: 'binary', op, left, right: next() };
      if (single) break;
    }
    return left;
  };

  const product = binary(unary, ['*', '/', '%']);
  const sum = binary(product, ['+', '-']);
  const compare = binary(sum, ['==', '!=', '<=', '>=', '<', '>', 'in'], true);
  const and = binary(compare, ['&&']);
  const or = binary(and, ['||']);
  function expr(): Node {
    const test = or();
    if (!isOp('?')) return test;
    pos += 1;
    const then = expr();
    expect(':');
    return { type: 'conditional', test, then, otherwise: expr() };
  }

  const root = expr();
  if (peek().kind !== 'end') fail('Unexpected trailing input');
  return root;
}
