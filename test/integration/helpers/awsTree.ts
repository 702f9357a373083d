import type { AwsTestApi } from '../../../src/extension/aws';
import type { AwsNode } from '../../../src/extension/aws/awsNodes';

/** The label an AWS view node shows. */
export function awsLabel(aws: AwsTestApi, node: AwsNode): string {
  const item = aws.treeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The child of `parent` (the roots when undefined) labelled `name`; fails naming the labels there are. */
export async function awsChildNamed(aws: AwsTestApi, parent: AwsNode | undefined, name: string): Promise<AwsNode> {
  const all = await aws.children(parent);
  const found = all.find((n) => awsLabel(aws, n) === name);
  if (!found) throw new Error(`No "${name}" among: ${all.map((n) => awsLabel(aws, n)).join(', ')}`);
  return found;
}

/** The AWS view as the suites walk it. */
export function awsTree(aws: AwsTestApi): {
  label(node: AwsNode): string;
  childNamed(parent: AwsNode | undefined, name: string): Promise<AwsNode>;
  /** The node at `labels` below the place (e.g. an API's name, then a stage's), after listing the place again. */
  nodeAt(...labels: string[]): Promise<AwsNode>;
} {
  return {
    label: (node) => awsLabel(aws, node),
    childNamed: (parent, name) => awsChildNamed(aws, parent, name),
    nodeAt: async (...labels) => {
      aws.refresh();
      const [place] = await aws.children();
      if (!place) throw new Error('The AWS view shows no place');
      let node = place;
      for (const name of labels) node = await awsChildNamed(aws, node, name);
      return node;
    },
  };
}
