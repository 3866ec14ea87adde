#!/usr/bin/env node
// Opens every page of an offerkit site in Debian's Chromium (headless, driven
// by puppeteer-core: no browser is downloaded) and runs axe-core's WCAG 2.1 A
// and AA rules and its best practices (heading order, landmarks) on it. Also
// checks that nothing is loaded from outside the site, and keyboard use: the
// first Tab reaches the "skip to content" link, which is then visible.
//
//   node axe_site.js SITE_DIR [--screenshot PAGE=FILE.png ...]
//
// Prints one line per page ("ok index.html" or its violations) and exits 1
// when any page has a violation.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function pages(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...pages(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

(async () => {
  const [site, ...rest] = process.argv.slice(2);
  const shots = {};
  for (let i = 0; i < rest.length; i += 2)
    if (rest[i] === '--screenshot') { const [p, f] = rest[i + 1].split('='); shots[p] = f; }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  let failed = 0;
  try {
    for (const file of pages(site)) {
      const rel = path.relative(site, file);
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      const external = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url()); });
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
      const problems = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      if (result.passes.length === 0) problems.push('axe ran no rule (not loaded?)');
      if (shots[rel]) await page.screenshot({ path: shots[rel], fullPage: false });
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        return { cls: a.className, visible: r.width > 0 && r.left >= 0 && r.top >= 0 };
      });
      if (focus.cls !== 'skip' || !focus.visible) problems.push('the first Tab does not show the "Aller au contenu" link');
      if (external.length) problems.push('external resources: ' + external.join(', '));
      await page.close();
      if (problems.length) { failed++; console.log(`violations ${rel}:\n  ` + problems.join('\n  ')); }
      else console.log(`ok ${rel} (${result.passes.length} rules passed)`);
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
