/**
 * Workspace trust for the mock runtime: it runs the workspace's handler code and opens a port, so it is off
 * in untrusted (Restricted Mode) workspaces. Pure, so the gate is unit-tested.
 */
export type TrustedAction = 'Start Mock API' | 'Invoke Route Locally';

/** The message a command shows when the workspace is not trusted, or undefined when it may run. */
export function trustRefusal(trusted: boolean, action: TrustedAction): string | undefined {
  if (trusted) return undefined;
  return (
    `${action} is disabled in Restricted Mode: the mock API runs this workspace's Lambda handlers and ` +
    'listens on a port. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.'
  );
}
