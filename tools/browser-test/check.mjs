// Opens generated twzrd-ops pages in Debian's Chromium (headless, through playwright-core; no browser is downloaded)
// and checks them as a reader would. Fails (exit 1) on any console error, page error or network request, on a missing
// or empty chart, when a report does not start with its summary or lacks the per-app table. Saves a full-page
// screenshot of each page.
//
// node check.mjs --out DIR [--report FILE --expect TEXT]... [--trend FILE --min-charts N]...
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const pages = [];
let out = 'target/screenshots';
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out') out = args[++i];
  else if (a === '--report') pages.push({ kind: 'report', file: resolve(args[++i]), expect: [] });
  else if (a === '--trend') pages.push({ kind: 'trend', file: resolve(args[++i]), minCharts: 1 });
  else if (a === '--expect') pages[pages.length - 1].expect.push(args[++i]);
  else if (a === '--min-charts') pages[pages.length - 1].minCharts = Number(args[++i]);
  else { console.error(`check.mjs: unknown argument ${a}`); process.exit(2); }
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`check.mjs: no Chromium at ${executablePath} (apt-get install -y chromium)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'twzrd-chromium-'));
const failures = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  for (const p of pages) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('request', r => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`); });
    await page.goto(pathToFileURL(p.file).href, { waitUntil: 'load' });
    if (p.kind === 'report') {
      const facts = await page.evaluate(() => {
        const sections = [...document.querySelectorAll('.twzrd-report section')].map(s => s.id);
        const apps = document.querySelector('#apps-table');
        return {
          first: sections[0] || null,
          sections,
          appRows: apps ? apps.querySelectorAll('tr').length - 1 : 0,
          headline: (document.querySelector('#summary .headline') || {}).textContent || '',
          text: document.body.innerText,
        };
      });
      if (facts.first !== 'summary') problems.push(`the first section is ${facts.first}, not the summary (${facts.sections})`);
      if (facts.appRows < 1) problems.push('no per-app table (#apps-table) with rows');
      for (const e of p.expect) {
        if (!facts.headline.includes(e) && !facts.text.includes(e)) problems.push(`text not found: ${e}`);
      }
      console.log(`report ${basename(p.file)}: sections ${facts.sections.join(' > ')}; ${facts.appRows} apps; headline: ${facts.headline}`);
    } else {
      await page.waitForFunction(() => typeof echarts !== 'undefined', null, { timeout: 10000 }).catch(() => {});
      await page.waitForTimeout(300);
      const charts = await page.evaluate(() => [...document.querySelectorAll('div.chart')].map(el => {
        const inst = typeof echarts === 'undefined' ? null : echarts.getInstanceByDom(el);
        const canvas = el.querySelector('canvas');
        const opt = inst ? inst.getOption() : null;
        return {
          id: el.id, title: el.getAttribute('aria-label'),
          drawn: !!inst && !!canvas && canvas.width > 0 && canvas.height > 0,
          series: opt ? opt.series.length : 0,
          points: opt ? opt.series.reduce((n, s) => n + (s.data ? s.data.length : 0), 0) : 0,
          xAxis: opt ? opt.xAxis[0].type : null,
        };
      }));
      if (charts.length < p.minCharts) problems.push(`${charts.length} charts, expected at least ${p.minCharts}`);
      for (const c of charts) {
        if (!c.drawn || c.series === 0 || c.points === 0) problems.push(`chart ${c.title} (${c.id}) is missing or empty`);
        if (c.xAxis !== 'time') problems.push(`chart ${c.title} has no time axis (${c.xAxis})`);
      }
      console.log(`trend ${basename(p.file)}: ${charts.map(c => `${c.title} [${c.series} series, ${c.points} points]`).join('; ')}`);
    }
    const shot = join(out, basename(p.file).replace(/\.html$/, '') + '.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot ${shot}`);
    problems.forEach(x => failures.push(`${basename(p.file)}: ${x}`));
    await page.close();
  }
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  failures.forEach(f => console.error(`FAIL ${f}`));
  process.exit(1);
}
console.log(`browser check: ${pages.length} pages OK`);
