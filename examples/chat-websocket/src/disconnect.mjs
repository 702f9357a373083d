// $disconnect: forgets the connection.
import { connections } from './connect.mjs';

export async function handler(event) {
  connections.delete(event.requestContext.connectionId);
  return { statusCode: 200 };
}
