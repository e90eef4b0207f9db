import { deflateRawSync } from 'node:zlib';
import { test, expect, openApp } from './fixtures';

test.describe('hostile input', () => {
  test('a zip-bomb link is refused in under a second, without freezing the page', async ({ page }) => {
    await openApp(page);
    // the app's own start-up work (the first stability run) is over: what is measured is the link
    await expect(page.locator('[data-testid="stability-note"] [data-testid="stability-status"]')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    // 80 MB of zeros deflate to ~78 KB: a link short enough to be read, that inflates far past the cap
    const bomb = deflateRawSync(Buffer.alloc(80 * 1024 * 1024)).toString('base64url');
    const timing = await page.evaluate(async (param) => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      window.location.hash = `e=${param}`;
      for (;;) {
        const notice = document.querySelector('[data-testid="scenario-notice"]');
        if (notice?.textContent) break;
        await new Promise((r) => setTimeout(r, 10));
        if (performance.now() - t0 > 20_000) break;
      }
      const elapsed = performance.now() - t0;
      observer.disconnect();
      return { elapsed, longest: Math.max(0, ...longTasks) };
    }, bomb);
    await expect(page.getByTestId('scenario-notice')).toContainText(/enlace|link/i);
    console.log(`zip-bomb link: refused after ${timing.elapsed.toFixed(0)} ms, longest main-thread task ${timing.longest.toFixed(0)} ms`);
    expect(timing.elapsed).toBeLessThan(1000);
    expect(timing.longest).toBeLessThan(200);
    // the app is still there, with its ranking
    await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toBeVisible();
  });
});

test.describe('long text from a link', () => {
  test('a 20,000-character title keeps the banner inside the screen and its close button reachable', async ({ page }) => {
    await openApp(page);
    // the longest title a scenario may have, with no space to wrap at
    const title = 'Mesa'.repeat(5000);
    // a link in the app's own format (differences from the preset), deflated and base64url-encoded
    const param = await page.evaluate(async (t) => {
      const json = JSON.stringify({ v: 2, p: 'mantenimiento_gore', d: { title: t } });
      const packed = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
      let bin = '';
      for (const b of new Uint8Array(packed)) bin += String.fromCharCode(b);
      return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, title);
    await page.evaluate((p) => (window.location.hash = `e=${p}`), param);
    const notice = page.getByTestId('scenario-notice');
    await expect(notice).toContainText('Se abrió el escenario compartido «MesaMesa');
    const box = (await notice.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.height).toBeLessThan(viewport.height * 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    const close = notice.getByRole('button', { name: 'Cerrar el aviso' });
    const c = (await close.boundingBox())!;
    expect(c.x + c.width).toBeLessThanOrEqual(viewport.width);
    // the element at the centre of the close button is the button itself: nothing covers it
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute('aria-label'), [c.x + c.width / 2, c.y + c.height / 2]);
    expect(hit).toBe('Cerrar el aviso');
    await close.click();
    await expect(notice).toHaveCount(0);
  });
});

test.describe('security headers', () => {
  test('the server sends the policy (no inline styles or scripts, no framing) and the app breaks none of it', async ({ page, request }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await request.get('./');
    const csp = res.headers()['content-security-policy'];
    for (const d of ["default-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'", "style-src 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    await openApp(page);
    // every view: layers with points and heat, the data panel, the scenario panel, presentation and report
    for (const layer of ['facilities', 'conflictHeatmap', 'conflictPoints']) await page.check(`[data-layer="${layer}"] input[type=checkbox]`);
    await page.getByTestId('open-data-panel').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('open-scenarios').click();
    await expect(page.getByTestId('scenario-panel')).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
