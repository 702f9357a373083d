// Local stand-in for the Notes Lambda function of openapi.json (payload format 2.0).
const notes = new Map([['1', { id: '1', owner: 'demo-user', text: 'Try the mock runtime' }]]);

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

export async function handler(event) {
  const owner = event.requestContext?.authorizer?.jwt?.claims?.sub ?? 'anonymous';
  const id = event.pathParameters?.noteId;
  switch (event.routeKey) {
    case 'GET /notes':
      return reply(200, [...notes.values()].filter((n) => n.owner === owner));
    case 'POST /notes': {
      const text = JSON.parse(event.body ?? '{}').text;
      if (typeof text !== 'string') return reply(400, { message: 'text is required' });
      const note = { id: String(notes.size + 1), owner, text };
      notes.set(note.id, note);
      return reply(201, note);
    }
    case 'GET /notes/{noteId}':
      return notes.has(id) ? reply(200, notes.get(id)) : reply(404, { message: `No note ${id}` });
    case 'DELETE /notes/{noteId}':
      notes.delete(id);
      return reply(204);
    default:
      return reply(404, { message: `No route ${event.routeKey}` });
  }
}
