import * as vscode from 'vscode';
import type { ApiType } from '../../model';

export interface ExplorerSettings {
  /** `apigw.explorer.exclude`: globs of files the explorer skips. */
  exclude: string[];
  /** `apigw.apiType`: undefined for "auto". */
  apiType?: ApiType;
  /** `apigw.explorer.refreshDelay`: milliseconds after the last keystroke before an edited file is re-read. */
  refreshDelay: number;
}

const apiTypes: readonly string[] = ['REST', 'HTTP', 'WEBSOCKET'];

/** The settings that apply to a resource (per-folder values win), with bad values replaced by defaults. */
export function readSettings(scope?: vscode.Uri): ExplorerSettings {
  const config = vscode.workspace.getConfiguration('apigw', scope);
  const exclude = config.get<unknown>('explorer.exclude');
  const apiType = config.get<unknown>('apiType');
  const delay = config.get<unknown>('explorer.refreshDelay');
  return {
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string') : [],
    apiType: typeof apiType === 'string' && apiTypes.includes(apiType) ? (apiType as ApiType) : undefined,
    refreshDelay: typeof delay === 'number' && delay >= 0 ? delay : 300,
  };
}
