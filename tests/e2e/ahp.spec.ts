// Issue 20: weights from pairwise comparisons (AHP), by one participant and then by a group,
// through the real panel: the judgements give weights and a consistency ratio, the group's
// weights go to the ranking, and everything is part of the scenario (it survives a reload).
import { test, expect, openApp, rankingRows, runAxe } from './fixtures';
import { E2E_VIEWPORT, PREVIEW_URL } from '../browser/chromium';

// axe is injected as a script, which the app's Content-Security-Policy would rightly block
test.use({ bypassCSP: true });

test('pairwise comparisons give weights and CR, a second participant changes the group weights and the ranking', async ({ page }) => {
  await openApp(page);
  const panel = page.getByTestId('ahp-panel');
  await panel.locator('> summary').click();
  await page.getByTestId('ahp-start').click();
  // one question per pair of the indicators that weigh
  const weighted = await page.locator('[data-testid^="weight-input-"]').evaluateAll((els) => els.filter((e) => Number((e as HTMLInputElement).value) > 0).length);
  const questions = page.getByTestId('ahp-pairs').locator('select');
  await expect(questions).toHaveCount((weighted * (weighted - 1)) / 2);
  await expect(panel.getByTestId('ahp-weights').locator('tbody tr')).toHaveCount(weighted);

  // the first indicator extremely more important than the second: its weight rises, and the weight input follows
  const first = questions.first();
  const [a, b] = ((await first.getAttribute('data-testid')) ?? '').replace('ahp-pair-', '').split(/-(?=[a-z])/);
  const weightOf = async (id: string) => Number(await page.getByTestId(`weight-input-${id}`).inputValue());
  const [beforeA, beforeB] = [await weightOf(a), await weightOf(b)];
  await first.selectOption('9');
  await expect.poll(() => weightOf(a)).toBeGreaterThan(beforeA);
  expect(await weightOf(b)).toBeLessThan(beforeB);
  await expect(page.getByTestId('ahp-cr')).toContainText('Razón de consistencia (CR)');

  // a cycle makes the judgements inconsistent: the warning and the comparison to revisit appear
  const all = await questions.all();
  for (const q of all) await q.selectOption('9');
  await all[1].selectOption('1/9');
  await expect(page.getByTestId('ahp-cr')).toContainText('Inconsistente');
  await expect(page.getByTestId('ahp-revisit')).toContainText('Revise primero');

  // a second participant (all «equal») moves the group's weights, and the ranking with them
  // rank, name and score of the first ten (the stability band beside them fills in later)
  const scores = async () =>
    (await rankingRows(page).allTextContents())
      .slice(0, 10)
      .map((r) => r.match(/^(?:\d+|—)\D+?(?:\d+\.\d|datos insuficientes)/)?.[0] ?? r)
      .join('|');
  const alone = await scores();
  await page.getByTestId('ahp-add').click();
  await expect(page.getByTestId('ahp-participant')).toHaveValue('1');
  await expect(panel.getByTestId('ahp-group-weight')).toHaveCount(weighted);
  await expect.poll(scores).not.toEqual(alone);
  await expect(page.getByTestId('ahp-agreement')).toContainText('Spearman');
  expect(await runAxe(page)).toEqual([]);
  // the group's weight of the first indicator lies strictly between the two participants'
  const rowA = panel.locator(`tr[data-indicator="${a}"]`);
  const groupA = Number((await rowA.getByTestId('ahp-group-weight').textContent())?.replace(/\s*%$/, ''));
  const [low, high] = ((await rowA.getByTestId('ahp-group-spread').textContent()) ?? '').split('–').map(Number);
  expect(low).toBeLessThan(high);
  expect(groupA).toBeGreaterThan(low);
  expect(groupA).toBeLessThan(high);

  // a participant named with a DNI is refused, with the reason
  await page.getByTestId('ahp-alias').fill('Ana 45678912');
  await page.getByTestId('ahp-alias').blur();
  await expect(page.getByTestId('ahp-alias-problem')).toContainText('DNI');
  await page.getByTestId('ahp-alias').fill('Mesa 2');
  await page.getByTestId('ahp-alias').blur();
  await expect(page.getByTestId('ahp-participant').locator('option')).toHaveText(['Participante 1', 'Mesa 2']);

  // a participant's own ranking against the group's, in the compare view (the swipe too)
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('open-compare').click();
  const view = page.getByTestId('compare-view');
  await view.getByTestId('compare-a').selectOption({ label: 'AHP: ranking de «Participante 1» solo' });
  await view.getByTestId('compare-b').selectOption({ index: 0 });
  await expect(view.getByTestId('compare-summary')).toHaveText(/^\d+ de las 10 primeras provincias coinciden$/);
  await view.getByTestId('compare-layout-swipe').check();
  // the swipe's two halves are checked in scenarios.spec.ts; here: a participant's ranking can be swiped against the group's
  const swipe = view.getByTestId('compare-swipe');
  await expect(swipe.getByTestId('compare-map-A').locator('path[data-ubigeo]').first()).toBeAttached();
  await expect(swipe.getByTestId('compare-map-B').locator('path[data-ubigeo]').first()).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();

  // part of the scenario: a reload reopens both participants and the same ranking
  const withGroup = await scores();
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('ahp-participant').locator('option')).toHaveText(['Participante 1', 'Mesa 2'], { timeout: 30_000 });
  await expect.poll(scores).toEqual(withGroup);
});

test('a participant on another device votes with points and sends a code; the facilitator adds it and the group changes', async ({ page, browser }) => {
  const start = async (p: typeof page) => {
    await openApp(p);
    await p.getByTestId('ahp-panel').locator('> summary').click();
    await p.getByTestId('ahp-start').click();
  };
  await start(page);
  const scores = async () => (await rankingRows(page).allTextContents()).slice(0, 10).map((r) => r.match(/^(?:\d+|—)\D+?(?:\d+\.\d|datos insuficientes)/)?.[0] ?? r).join('|');
  const alone = await scores();

  // the participant's own device: a separate browser context (no storage shared), the same scenario
  const device = await browser.newContext({ baseURL: PREVIEW_URL, viewport: E2E_VIEWPORT, serviceWorkers: 'block' });
  try {
    const other = await device.newPage();
    await start(other);
    await other.getByTestId('ahp-alias').fill('Mesa 3');
    await other.getByTestId('ahp-alias').blur();
    await other.getByTestId('ahp-vote-points').check();
    const inputs = other.getByTestId('ahp-points').locator('input');
    const n = await inputs.count();
    for (let k = 0; k < n; k++) await inputs.nth(k).fill(k === 0 ? '70' : '10');
    const total = 70 + 10 * (n - 1);
    await expect(other.getByTestId('ahp-points-total')).toHaveText(`Total repartido: ${total} puntos.`);
    // their weights are their points' shares
    const firstRow = other.getByTestId('ahp-weights').locator('tbody tr').first();
    await expect(firstRow.locator('td').first()).toHaveText(`${((100 * 70) / total).toFixed(1)}\u00a0%`);
    await other.getByTestId('ahp-devices').locator('> summary').click();
    const [saved] = await Promise.all([other.waitForEvent('download'), other.getByTestId('ahp-save-code').click()]);
    const codeFile = await saved.path();
    const code = await other.getByTestId('ahp-my-code').inputValue();
    expect(code).toMatch(/^TERRITORIO-AHP2\./);

    // the facilitator: a wrong code is explained, the file adds «Mesa 3», the ranking moves
    await page.getByTestId('ahp-devices').locator('> summary').click();
    await page.getByTestId('ahp-code-in').fill('esto no es un código');
    await page.getByTestId('ahp-code-add').click();
    await expect(page.getByTestId('ahp-code-message')).toHaveText(/^Eso no es un código de participante de Territorio/);
    await expect(page.getByTestId('ahp-participant').locator('option')).toHaveCount(1);
    await page.getByTestId('ahp-code-file').setInputFiles(codeFile!);
    await expect(page.getByTestId('ahp-code-message')).toHaveText('Se agregó a «Mesa 3» al grupo.');
    await expect(page.getByTestId('ahp-participant').locator('option')).toHaveText(['Participante 1', 'Mesa 3']);
    await expect(page.getByTestId('ahp-vote-points')).toBeChecked();
    await expect(page.getByTestId('ahp-weights').locator('tbody tr').first().locator('td').first()).toHaveText(`${((100 * 70) / total).toFixed(1)}\u00a0%`);
    await expect.poll(scores).not.toEqual(alone);
    // the same code pasted again replaces «Mesa 3» rather than adding a third participant
    await page.getByTestId('ahp-code-in').fill(code);
    await page.getByTestId('ahp-code-add').click();
    await expect(page.getByTestId('ahp-participant').locator('option')).toHaveCount(2);
    expect(await runAxe(page)).toEqual([]);
  } finally {
    await device.close();
  }
});
