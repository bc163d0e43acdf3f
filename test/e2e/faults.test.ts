// Registry faults as the user sees them: a clear error with Retry instead of a blank popup, and
// recovery when the registry answers again; an HTML error page with status 200 is not data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, type World } from './harness';

describe('registry faults', () => {
  let w: World;
  before(async () => {
    w = await startWorld();
  });
  after(async () => w?.close());

  for (const [mode, pattern] of [
    ['500', /Dataportalen har tekniska problem just nu/],
    ['html', /Dataportalen gav ett svar som Insyn inte kan läsa/],
  ] as const) {
    it(`shows a clear error and recovers (${mode})`, async () => {
      const site = await w.h.context.newPage();
      await site.goto('https://goteborg.se/');
      // Let the publisher list load, then break the registry before the list is fetched.
      await site.waitForTimeout(300);
      await w.h.extEval(() => chrome.runtime.sendMessage({ type: 'cache-clear', payload: {} }), undefined);
      w.registry.setMode(mode);
      try {
        const popup = await w.h.openPopup(site);
        const error = popup.getByTestId('error');
        await error.waitFor({ timeout: 20_000 });
        assert.match((await error.textContent()) ?? '', pattern);
        assert.equal(await error.getAttribute('role'), 'alert');
        w.registry.setMode('ok');
        await error.getByRole('button', { name: 'Försök igen' }).click();
        await popup.getByTestId('item-row').first().waitFor();
        await popup.close();
      } finally {
        w.registry.setMode('ok');
        await site.close();
      }
    });
  }
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
