import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJobHtml } from '../src/render-job-html';
import { CHART_ORDER } from './job-fixture';
import { jobWithSimulation, v2Simulation } from './retirement-v2-fixture';

// Debian's package; playwright-core never downloads a browser of its own. .ci/run installs it.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `SKIPPED: the HTML report's browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium).`,
  );
}

/**
 * The smallest chart label as drawn on screen, in CSS pixels: its computed font size times the scale from
 * the SVG's viewBox to the page. Only visible drawings count (each chart has a wide and a narrow one). Run in
 * the page as a string, since this workspace compiles without the DOM library.
 */
const CHART_TEXT = `(() => {
  const sizes = [...document.querySelectorAll('svg.chart-svg text')]
    .filter((text) => text.getClientRects().length > 0)
    .map((text) => {
      const matrix = text.getScreenCTM();
      return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    });
  return { count: sizes.length, smallest: Math.min(...sizes) };
})()`;

const html = renderJobHtml(jobWithSimulation(v2Simulation()));

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (found === null) throw new Error(`${selector} is not drawn`);
  return found;
}

describe.skipIf(!hasChromium)('the HTML report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe.each([
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])('at $width px wide', ({ width, height }) => {
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent(html, { waitUntil: 'load' });
    });

    it('fits the page to the viewport: nothing scrolls sideways', async () => {
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    });

    it('shows the whole headline in the first viewport', async () => {
      const headline = await box(page, '#headline');
      expect(headline.y).toBeGreaterThanOrEqual(0);
      expect(headline.y + headline.height).toBeLessThanOrEqual(height);
    });

    it('draws the charts top to bottom in their order field', async () => {
      const figures = await page.locator('#charts figure.chart').all();
      const ids = await Promise.all(figures.map((figure) => figure.getAttribute('id')));
      expect(ids).toEqual(CHART_ORDER.map((key) => `chart-${key}`));
      const tops = await Promise.all(CHART_ORDER.map(async (key) => (await box(page, `#chart-${key}`)).y));
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
    });

    it('keeps every chart label at 10 px or more as drawn', async () => {
      const text = (await page.evaluate(CHART_TEXT)) as { count: number; smallest: number };
      expect(text.count).toBeGreaterThan(30);
      expect(text.smallest).toBeGreaterThanOrEqual(10);
    });

    it('puts the run details after the report', async () => {
      const report = await box(page, '#report');
      expect((await box(page, '#run')).y).toBeGreaterThanOrEqual(report.y + report.height);
    });

    it('logs no console errors (a Content-Security-Policy violation would be one)', () => {
      expect(errors).toEqual([]);
    });
  });
});
