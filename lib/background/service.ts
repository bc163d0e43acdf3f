// The background's behaviour, independent of how it is wired to browser events, so unit tests
// can call the handlers directly.
import type { Handlers } from '../messages';
import { VERSION } from '../version';

export function createBackground(): { handlers: Partial<Handlers> } {
  return {
    handlers: {
      ping: async () => ({ version: VERSION }),
    },
  };
}
