// Runs the CLI in-process, the way bin/insyn.mjs does, with captured stdout/stderr and an env that
// never touches the user's cache unless a test asks for one.
import { main } from '../../../lib/cli/main';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: Record<string, string | undefined> = {}, fetchImpl?: typeof fetch): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { INSYN_CACHE: 'off', LANG: 'C', ...env },
    ...(fetchImpl && { fetch: fetchImpl }),
  });
  return { code, stdout, stderr };
}

/** `insyn <args> --api-base <base>`, cache off unless env says otherwise. */
export function cliAgainst(base: string) {
  return (args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> => runCli([...args, '--api-base', base], env);
}
