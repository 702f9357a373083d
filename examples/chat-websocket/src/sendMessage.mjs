// sendMessage: echoes {"action": "sendMessage", "data": "..."} back to the sender as a route response.
export async function handler(event) {
  const { data } = JSON.parse(event.body ?? '{}');
  if (typeof data !== 'string') {
    return { statusCode: 400, body: JSON.stringify({ message: 'data must be a string' }) };
  }
  return { statusCode: 200, body: JSON.stringify({ from: event.requestContext.connectionId, data }) };
}
