// Where the chat keeps its open connections.
//
// $connect and $disconnect are separate Lambda functions: on AWS each runs in its own containers, and in the mock
// API each runs in its own worker thread, so a Set kept in one module is never seen by the other. A real deployment
// keeps connections in a store both can reach: here the ConnectionsTable (DynamoDB) that template.yaml declares,
// named by TABLE_NAME. Without TABLE_NAME (the mock API, tests) a folder on disk stands in for the table, one file
// per connection, so concurrent connects and disconnects never overwrite each other.
//
// A store is { add(connectionId), remove(connectionId), list() }, each returning a promise.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The store for this environment: DynamoDB on AWS (TABLE_NAME), else a local folder (CHAT_CONNECTIONS_DIR). */
export function connectionStore(env = process.env) {
  if (env.TABLE_NAME) return dynamoDbStore(env.TABLE_NAME);
  return folderStore(env.CHAT_CONNECTIONS_DIR || path.join(os.tmpdir(), 'chat-websocket-connections'));
}

/** The ConnectionsTable (partition key `connectionId`), through the AWS SDK the Lambda Node.js runtime includes. */
export function dynamoDbStore(tableName) {
  let client;
  const sdk = () => import('@aws-sdk/client-dynamodb');
  const send = async (command) => {
    const { DynamoDBClient } = await sdk();
    client ??= new DynamoDBClient({});
    return client.send(command);
  };
  return {
    async add(connectionId) {
      const { PutItemCommand } = await sdk();
      await send(new PutItemCommand({ TableName: tableName, Item: { connectionId: { S: connectionId } } }));
    },
    async remove(connectionId) {
      const { DeleteItemCommand } = await sdk();
      await send(new DeleteItemCommand({ TableName: tableName, Key: { connectionId: { S: connectionId } } }));
    },
    async list() {
      const { ScanCommand } = await sdk();
      const ids = [];
      let start;
      do {
        const page = await send(
          new ScanCommand({ TableName: tableName, ProjectionExpression: 'connectionId', ExclusiveStartKey: start }),
        );
        for (const item of page.Items ?? []) ids.push(item.connectionId.S);
        start = page.LastEvaluatedKey;
      } while (start);
      return ids;
    },
  };
}

/** A local stand-in for the table: one file per connection in `dir` (ids are base64: `/` and `+` are encoded). */
export function folderStore(dir) {
  const fileOf = (connectionId) => path.join(dir, encodeURIComponent(connectionId));
  return {
    async add(connectionId) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(connectionId), new Date().toISOString());
    },
    async remove(connectionId) {
      await rm(fileOf(connectionId), { force: true });
    },
    async list() {
      try {
        return (await readdir(dir)).map(decodeURIComponent).sort();
      } catch (error) {
        if (error.code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

/** Keeps connections in this module only: for a test that runs both handlers in one process, never across functions. */
export function memoryStore() {
  const ids = new Set();
  return {
    async add(connectionId) {
      ids.add(connectionId);
    },
    async remove(connectionId) {
      ids.delete(connectionId);
    },
    async list() {
      return [...ids].sort();
    },
  };
}
