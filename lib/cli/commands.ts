// The CLI's command table. Each command lives in its own module under lib/cli/commands/; a command
// that a later capability will fill says so and exits non-zero, never printing made-up output.
import type { Lang } from '../i18n';
import { datasetCommand } from './commands/dataset';
import { datasetsCommand } from './commands/datasets';
import { lookupCommand } from './commands/lookup';
import { publishersCommand } from './commands/publishers';
import { healthCommand } from './commands/health';
import { reportCommand } from './commands/report';
import { pageCommand } from './commands/page';
import { CliError } from './errors';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  env: Record<string, string | undefined>;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface CliContext {
  io: CliIO;
  apiBase: string;
  json: boolean;
  lang: Lang;
  /** Arguments after the command name, options included (each command parses its own). */
  argv: string[];
  positionals: string[];
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  help?: string;
  run(ctx: CliContext): Promise<number>;
}

function notYet(name: string, usage: string, summary: string): Command {
  return {
    name,
    usage,
    summary: `${summary} (not yet available)`,
    run: async () => {
      throw new CliError(`"${name}" is not yet available in this version of Insyn.`, 3);
    },
  };
}

export const COMMANDS: Command[] = [
  lookupCommand,
  datasetsCommand,
  datasetCommand,
  publishersCommand,
  reportCommand,
  healthCommand,
  pageCommand,
];
