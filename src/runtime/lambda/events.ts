import type { Exchange } from '../types';
import { eventMaker } from './eventMaker';
import { proxyEventParts } from './eventParts';

const maker = eventMaker();

/** `content-type` → `Content-Type`: how REST proxy events spell header names (eventMaker.ts). */
export const displayHeaderName = maker.displayHeaderName;

/** The payload format 1.0 event of a request, as a handler gets it (the worker makes it from the same parts). */
export function buildProxyEventV1(ex: Exchange): Record<string, unknown> {
  return maker.fromParts(proxyEventParts(ex, '1.0'));
}

/** The payload format 2.0 event (HTTP APIs' default). */
export function buildProxyEventV2(ex: Exchange): Record<string, unknown> {
  return maker.fromParts(proxyEventParts(ex, '2.0'));
}
