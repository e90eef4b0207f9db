import { test, expect, openApp } from './fixtures';

const mapWidth = async (page: import('@playwright/test').Page) => (await page.getByTestId('map').boundingBox())!.width;

test.describe('layout on a laptop and a phone', () => {
  test('at 1024×768 the panels start folded and the map keeps at least half the width; «Mostrar paneles» brings them back', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page);
    expect(await mapWidth(page)).toBeGreaterThanOrEqual(512);
    await expect(page.locator('#left-panels')).toBeHidden();
    await expect(page.getByTestId('legend-choropleth')).toBeVisible();
    await page.getByTestId('panel-toggle').click();
    await expect(page.locator('#left-panels')).toBeVisible();
    await expect(page.getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
    // the map is narrow now: its legend folds out of the way (one click brings it back)
    await expect(page.getByTestId('legend-show')).toBeVisible();
    await page.getByTestId('panel-toggle').click();
    await expect(page.locator('#left-panels')).toBeHidden();
    await expect(page.getByTestId('legend-choropleth')).toBeVisible();
  });

  test('at 1440×900 everything sits side by side', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page);
    await expect(page.locator('#left-panels')).toBeVisible();
    expect(await mapWidth(page)).toBeGreaterThan(500);
  });

  test('at 414×896 one column: the map takes the width, and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 414, height: 896 });
    await openApp(page);
    expect(await mapWidth(page)).toBeGreaterThanOrEqual(400);
    // the secondary actions fold behind «Más» on a phone
    await expect(page.getByTestId('open-trends')).toBeHidden();
    await page.getByTestId('header-more').click();
    await expect(page.getByTestId('open-trends')).toBeVisible();
    await page.getByTestId('header-more').click();
    // tabs: the map first; the ranking, the detail and the layers one at a time (issue 17)
    await expect(page.getByTestId('phone-tab-mapa')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('ranking-table')).toBeHidden();
    await page.getByTestId('phone-tab-ranking').click();
    await expect(page.getByTestId('map')).toBeHidden();
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    const table = (await page.getByTestId('ranking-table').boundingBox())!;
    expect(table.width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(414);
    // every column of the ranking fits its box, «Estabilidad» included (it used to be cut at the right)
    for (const width of [414, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const fit = await page.getByTestId('ranking-table').evaluate((t) => ({ table: t.scrollWidth, box: t.closest('.table-scroll')!.clientWidth }));
      expect(fit.table, `at ${width} px`).toBeLessThanOrEqual(fit.box);
    }
    // a unit chosen in the ranking is explained in the «Detalle» tab, without the map
    await page.locator('[data-testid="ranking-table"] tbody tr').first().click();
    await expect(page.getByTestId('phone-tab-detalle')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('detail-panel')).toBeVisible();
    await expect(page.getByTestId('map')).toBeHidden();
    // the arrow keys move along the tabs: «Capas y pesos» shows the layers and the weights
    await page.getByTestId('phone-tab-detalle').press('ArrowRight');
    await expect(page.getByTestId('phone-tab-capas')).toBeFocused();
    await expect(page.getByTestId('weights-panel')).toBeVisible();
    await expect(page.getByTestId('detail-panel')).toBeHidden();
    // back on the map, it fills the width again
    await page.getByTestId('phone-tab-mapa').click();
    await expect.poll(() => mapWidth(page)).toBeGreaterThanOrEqual(350);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('the legend folds away and comes back', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('legend-hide').click();
    await expect(page.getByTestId('legend')).toHaveCount(0);
    await page.getByTestId('legend-show').click();
    await expect(page.getByTestId('legend-choropleth')).toBeVisible();
  });
});

// Issue 17: at every size a planner uses — wide screen, laptop, phone, projector — with the legend
// full (facilities, heat map, hot spots on) and a province's detail open: a screenshot is kept,
// nothing scrolls sideways, and no button is covered (the element at a button's centre is that
// button). One page resized through the four sizes (one start-up, not four).
test('at 1440×900, 1024×768, 414×896, 1920×1080 and 200 % zoom, with every legend section and the detail open, no control is covered', async ({ page }, testInfo) => {
  await openApp(page);
  for (const layer of ['facilities', 'conflictHeatmap', 'hotspots']) await page.locator(`[data-layer="${layer}"] input[type=checkbox]`).check();
  await page.getByTestId('legend-hotspots').waitFor();
  await page.locator('tr[data-ubigeo="0201"]').click();
  await expect(page.getByTestId('detail-panel')).toBeVisible();
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
    [414, 896],
    [1920, 1080],
    // 1440×900 at 200 % zoom (issue 17): the phone's layout, a short map with its legend folded
    [720, 450],
  ] as const) {
    await page.setViewportSize({ width, height });
    // where the panels fold by default (PanelToggle's FOLDED_QUERY: only 1024 here, visited once)
    // they are opened, and the user's choice is kept across the later sizes; the toggle's state
    // follows the resize a render later, so it is waited for, not read at once
    const toggle = page.getByTestId('panel-toggle');
    if (await page.evaluate(() => matchMedia('(min-width: 761px) and (max-width: 1180px)').matches)) {
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    }
    // a narrow map (laptop with the panels open, phone) has its legend folded
    await page.getByTestId('legend-hotspots').or(page.getByTestId('legend-show')).waitFor();
    await expect(page.getByTestId('detail-panel')).toBeVisible();
    await page.waitForTimeout(300); // MapLibre follows a resize a frame later
    await page.screenshot({ path: testInfo.outputPath(`layout-${width}x${height}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}×${height}`).toBeLessThanOrEqual(width);
    // every control on screen (in the viewport, not scrolled away inside a panel) is the element at its centre
    const covered = await page.evaluate(() => {
      const out: string[] = [];
      for (const b of Array.from(document.querySelectorAll('button, summary, select, a[href]'))) {
        const r = b.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        // clipped by a scrolling ancestor: not on screen, not covered
        let clipped = false;
        for (let p = b.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) {
            const q = p.getBoundingClientRect();
            if (y < q.top || y > q.bottom || x < q.left || x > q.right) clipped = true;
          }
        }
        if (clipped) continue;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(hit === b || b.contains(hit))) {
          out.push(`${b.tagName.toLowerCase()} «${(b.textContent ?? '').trim().slice(0, 40) || b.getAttribute('aria-label')}» under ${hit?.tagName.toLowerCase()}.${hit?.className}`);
        }
      }
      return out;
    });
    expect(covered, `${width}×${height}`).toEqual([]);
  }
});
