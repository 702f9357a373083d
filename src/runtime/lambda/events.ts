import type { Exchange } from '../types';
import { eventMaker } from './eventMaker';
import { proxyEventParts } from './eventParts';

const maker = eventMaker();

/** `content-type` → `Content-Type`: how REST proxy events spell header names (eventMaker.ts). */
export const displayHeaderName = maker.displayHeaderName;

/**
 * The payload format `version` event of a request (1.0: REST APIs, and HTTP APIs that ask for it; 2.0: HTTP APIs'
 * default), as a handler gets it: the worker makes it from the same parts.
 */
export function buildProxyEvent(ex: Exchange, version: '1.0' | '2.0'): Record<string, unknown> {
  return maker.fromParts(proxyEventParts(ex, version));
}
