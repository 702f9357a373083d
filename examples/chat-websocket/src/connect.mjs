// $connect: remembers the connection in the shared connection store (connections.mjs): DynamoDB on AWS, a local
// folder in the mock API. Not a module-level Set: $disconnect runs in another function (another container on AWS,
// another worker here) and would never see it.
import { connectionStore } from './connections.mjs';

const store = connectionStore();

export async function handler(event) {
  await store.add(event.requestContext.connectionId);
  return { statusCode: 200 };
}
