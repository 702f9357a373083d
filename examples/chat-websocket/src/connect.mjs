// $connect: remembers the connection. Locally the mock runtime keeps connections in memory.
export const connections = new Set();

export async function handler(event) {
  connections.add(event.requestContext.connectionId);
  return { statusCode: 200 };
}
