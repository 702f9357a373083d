// Which code-server (and hence which VS Code) `--vscode min|latest` means, and where installs are cached.
import os from 'node:os';
import path from 'node:path';

/** code-server 4.100.3 ships VS Code 1.100.3: the manifest's engines.vscode minimum (^1.100.0), on Node 20. */
export const MIN_CODE_SERVER = '4.100.3';
/** The newest code-server release verified here (VS Code 1.139.1, Node 24). */
export const LATEST_CODE_SERVER = '4.139.1';

/**
 * @param {'min' | 'latest'} channel
 * @returns {string} the code-server version to install for that channel
 */
export function codeServerVersion(channel) {
  if (channel === 'min') return MIN_CODE_SERVER;
  return process.env.APIGW_E2E_CODE_SERVER_LATEST || LATEST_CODE_SERVER;
}

/** The install cache: `$APIGW_E2E_CACHE`, default `~/.cache/api-gateway-studio-e2e`. */
export function cacheDir() {
  return path.resolve(process.env.APIGW_E2E_CACHE || path.join(os.homedir(), '.cache', 'api-gateway-studio-e2e'));
}
