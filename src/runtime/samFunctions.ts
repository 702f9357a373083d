import fs from 'node:fs';
import path from 'node:path';
import { record } from './templateValues';
import type { HandlerRef } from './config';
import { dict } from '../shared/dict';

/**
 * The local handlers a SAM template declares itself: each `AWS::Serverless::Function` with a local `CodeUri`
 * (or `Globals.Function.CodeUri`) and a `Handler` of the form `file.export` maps its logical id to
 * `CodeUri/file.(mjs|js|cjs)#export`. Functions whose file cannot be found are left out. `root` is the template
 * as plain values, its parameters resolved (templateParameters.ts).
 */
export function samHandlers(file: string, root: Record<string, unknown>): Record<string, HandlerRef> {
  const resources = record(root['Resources']);
  const globals = record(record(root['Globals'])['Function']);
  const handlers: Record<string, HandlerRef> = dict();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const r = record(resource);
    if (r['Type'] !== 'AWS::Serverless::Function') continue;
    const props = record(r['Properties']);
    const codeUri = props['CodeUri'] ?? globals['CodeUri'] ?? '.';
    const handler = props['Handler'] ?? globals['Handler'];
    if (typeof codeUri !== 'string' || typeof handler !== 'string') continue;
    const dot = handler.lastIndexOf('.');
    if (dot <= 0) continue;
    const base = path.resolve(path.dirname(file), codeUri, handler.slice(0, dot));
    const module = ['.mjs', '.js', '.cjs'].map((ext) => base + ext).find((candidate) => fs.existsSync(candidate));
    if (module !== undefined) handlers[logicalId] = { module, exportName: handler.slice(dot + 1) };
  }
  return handlers;
}
