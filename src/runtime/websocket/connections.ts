import { randomBytes } from 'node:crypto';
import type { IamCredential } from '../iam/iamConfig';

/** One open client connection, as the gateway sees it (the transport implements send / close). */
export interface WebSocketConnection {
  id: string;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent: string | null;
  /** Handshake headers by lower-case name, and the query string's parameters. */
  headers: Record<string, string[]>;
  query: Record<string, string[]>;
  /** The handshake's path and query string as they came on the wire (a SigV4 signature covers them). */
  handshake?: { rawPath: string; query: string };
  /** `$connect` with IAM authorization: the caller whose signature was verified. */
  iam?: IamCredential;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * API Gateway-style connection ids: 11 random bytes in base64, 16 characters of which the last is one `=`, like
 * AWS's `L0SM9cOFvHcCIhw=`.
 */
export function newConnectionId(): string {
  return randomBytes(11).toString('base64');
}

/** The open connections, by id: what the `@connections` endpoint reads and writes. */
export class ConnectionRegistry {
  private readonly byId = new Map<string, WebSocketConnection>();

  add(connection: WebSocketConnection): void {
    this.byId.set(connection.id, connection);
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  get(id: string): WebSocketConnection | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): WebSocketConnection[] {
    return [...this.byId.values()];
  }
}
