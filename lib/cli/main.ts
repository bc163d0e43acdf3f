// The `insyn` command line: the same lib/ core the extension uses, against the live registry
// or any base URL. Pure of process globals: bin/insyn.mjs passes in the IO, so tests run it
// in-process.
import { parseArgs } from 'node:util';
import { COMMANDS, type CliContext, type CliIO } from './commands';
import { CliError } from './errors';
import { VERSION } from '../version';

export type { CliIO } from './commands';

export const DEFAULT_API_BASE = 'https://admin.dataportal.se/store';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'insyn: the open data behind Swedish public-sector websites, from Sveriges dataportal',
    '',
    'Usage: insyn <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --api-base URL   registry base (default https://admin.dataportal.se/store; env INSYN_API_BASE)',
    '  --json           print machine-readable JSON',
    '  --lang sv|en     language of labels (default: sv when LANG starts with sv, else en)',
    '  -h, --help       show help',
    '  -v, --version    show the version',
    '',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: false,
      options: {
        'api-base': { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`insyn: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`insyn ${VERSION}\n`);
    return 0;
  }
  const [name, ...rest] = positionals;
  if (!name || (values.help && !name)) {
    io.stdout(usage());
    return name || values.help ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`insyn: unknown command "${name}". Run "insyn --help" for the list.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`Usage: insyn ${command.usage}\n\n${command.help ?? command.summary}\n`);
    return 0;
  }
  const apiBase = String(values['api-base'] ?? io.env.INSYN_API_BASE ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  const langOpt = values.lang ?? (/^sv/i.test(io.env.LANG ?? '') ? 'sv' : 'en');
  const ctx: CliContext = {
    io,
    apiBase,
    json: Boolean(values.json),
    lang: langOpt === 'sv' ? 'sv' : 'en',
    argv: argv.slice(argv.indexOf(name) + 1),
    positionals: rest,
  };
  try {
    return await command.run(ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`insyn ${name}: ${message}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
