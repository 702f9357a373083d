import type { Block, Expression, ReferenceNode, Statement } from '../ast';

/** What a walk reports: every reference (in statements, expressions, arguments and strings) and every `#set`. */
export interface TemplateVisitor {
  reference?(node: ReferenceNode): void;
  set?(target: ReferenceNode, value: Expression): void;
  foreach?(variable: string, iterable: Expression): void;
}

/** Visits a template's tree in source order. */
export function walkBlock(block: Block, visitor: TemplateVisitor): void {
  for (const statement of block) walkStatement(statement, visitor);
}

function walkStatement(node: Statement, visitor: TemplateVisitor): void {
  switch (node.kind) {
    case 'reference':
      walkExpression(node, visitor);
      return;
    case 'set':
      visitor.set?.(node.target, node.value);
      walkExpression(node.target, visitor);
      walkExpression(node.value, visitor);
      return;
    case 'if':
      for (const branch of node.branches) {
        walkExpression(branch.condition, visitor);
        walkBlock(branch.body, visitor);
      }
      if (node.elseBody) walkBlock(node.elseBody, visitor);
      return;
    case 'foreach':
      visitor.foreach?.(node.variable, node.iterable);
      walkExpression(node.iterable, visitor);
      walkBlock(node.body, visitor);
      return;
    case 'macro':
    case 'define':
      walkBlock(node.body, visitor);
      return;
    case 'macroCall':
      for (const arg of node.args) walkExpression(arg, visitor);
      return;
    default:
      return;
  }
}

function walkExpression(node: Expression, visitor: TemplateVisitor): void {
  switch (node.kind) {
    case 'reference':
      visitor.reference?.(node);
      for (const accessor of node.accessors) {
        if (accessor.kind === 'method') for (const arg of accessor.args) walkExpression(arg, visitor);
        else if (accessor.kind === 'index') walkExpression(accessor.index, visitor);
      }
      return;
    case 'string':
      if (node.interpolated) walkBlock(node.interpolated, visitor);
      return;
    case 'list':
      for (const item of node.items) walkExpression(item, visitor);
      return;
    case 'range':
      walkExpression(node.from, visitor);
      walkExpression(node.to, visitor);
      return;
    case 'map':
      for (const entry of node.entries) {
        walkExpression(entry.key, visitor);
        walkExpression(entry.value, visitor);
      }
      return;
    case 'binary': {
      // A chain `a + b + c + …` leans left as deep as it is long: walk it in a loop, in source order.
      const rights: Expression[] = [];
      let first: Expression = node;
      while (first.kind === 'binary') {
        rights.push(first.right);
        first = first.left;
      }
      walkExpression(first, visitor);
      for (let i = rights.length - 1; i >= 0; i--) walkExpression(rights[i]!, visitor);
      return;
    }
    case 'unary':
      walkExpression(node.operand, visitor);
      return;
    default:
      return;
  }
}
