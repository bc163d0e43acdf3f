#!/usr/bin/env node
// Entry of the `insyn` CLI. It runs the TypeScript core in lib/ directly through tsx's loader,
// so a fresh clone needs no build step: `npm install`, then `npm run insyn -- --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
});
