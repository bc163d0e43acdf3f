// Extension pages run under a CSP without 'unsafe-eval'. zod 4 probes `new Function` to decide
// whether to JIT-compile object parsers; jitless mode skips the probe and the compiled path.
import { z } from 'zod';

z.config({ jitless: true });
