// $disconnect: forgets the connection in the same store $connect wrote it to (connections.mjs).
import { connectionStore } from './connections.mjs';

const store = connectionStore();

export async function handler(event) {
  await store.remove(event.requestContext.connectionId);
  return { statusCode: 200 };
}
