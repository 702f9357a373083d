import assert from 'node:assert/strict';
import { AwsError } from '../../../src/aws/types';

/** The AwsError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AwsError, `not an AwsError: ${String(error)}`);
    return error;
  }
  return assert.fail('expected a failure');
}
