import type { Diagnostic } from '../../shared/diagnostic';
import type { PropertyNode } from '../sourceNode';

/** Reports the second and later occurrences of a key in one object (YAML and JSON alike). */
export class DuplicateKeys {
  private readonly seen = new Set<string>();

  constructor(private readonly problems: Diagnostic[]) {}

  add(property: PropertyNode): void {
    if (!this.seen.has(property.key)) {
      this.seen.add(property.key);
      return;
    }
    this.problems.push({
      range: property.keyRange,
      severity: 'warning',
      code: 'apigw.parse.duplicateKey',
      message: `Duplicate key '${property.key}': API Gateway keeps only one of them.`,
    });
  }
}
