import { executeServerCommand } from '@web/test-runner-commands';

export interface A11yNode {
  role: string;
  name?: string;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  focused?: boolean;
  children?: A11yNode[];
}

/** The accessibility tree under `selector`, every node kept (the `a11y-tree` command in web-test-runner.config.mjs). */
export function a11yTree(selector: string): Promise<A11yNode> {
  return executeServerCommand<A11yNode, { selector: string }>('a11y-tree', { selector });
}

/** The first node (depth first) for which `match` is true, or null. */
export function findNode(node: A11yNode | null | undefined, match: (n: A11yNode) => boolean): A11yNode | null {
  if (!node) return null;
  if (match(node)) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return null;
}
