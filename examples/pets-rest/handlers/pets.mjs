// Local stand-ins for the ListPets, GetPet and CreatePet Lambda functions of openapi.yaml.
// The mock runtime runs them in place of the functions named in the integration URIs (see ../apigw.config.json).
const pets = [
  { id: '1', name: 'Rex', type: 'dog' },
  { id: '2', name: 'Tom', type: 'cat' },
  { id: '3', name: 'Nemo', type: 'fish' },
];

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** GET /pets (AWS_PROXY, payload format 1.0). */
export async function listPets(event) {
  const type = event.queryStringParameters?.type;
  return json(200, type ? pets.filter((p) => p.type === type) : pets);
}

/** GET /pets/{petId} (AWS_PROXY, payload format 1.0). */
export async function getPet(event) {
  const pet = pets.find((p) => p.id === event.pathParameters?.petId);
  return pet ? json(200, pet) : json(404, { message: `No pet ${event.pathParameters?.petId}` });
}

/** POST /pets (AWS, non-proxy): receives what the request template made, returns the new pet. */
export async function createPet(input) {
  if (!input.name) throw new Error('Invalid pet: a name is required');
  const pet = { id: String(pets.length + 1), name: input.name, type: input.type };
  pets.push(pet);
  return pet;
}
