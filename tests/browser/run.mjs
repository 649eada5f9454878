// The web door in a real browser (issue 16): Debian's headless Chromium,
// driven by playwright-core, starts `lotse web` on a free loopback port and
// checks German and Arabic pages, a question with and without JavaScript,
// an entry page, the no-answer page, an XSS attempt, the headers and that
// every resource is the site's own, the admin page with and without the
// token, that no page logs a console error (CSP violations included), and
// axe-core's accessibility rules (no serious or critical violation). It
// also takes the README's screenshots. Beside the bot (`lotse serve
// --web-listen` against a small fake Bot API), a visitor's case: a
// counsellor's reply appears in place, without a reload.
//
// Run after `cargo build` and `npm ci` here: node tests/browser/run.mjs

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { startFakeBotApi } from './fake_bot_api.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
// The debug build `cargo build` made: in CARGO_TARGET_DIR where it is set.
const binary =
  process.env.LOTSE_BIN || join(resolve(root, process.env.CARGO_TARGET_DIR || 'target'), 'debug/lotse');
assert.ok(existsSync(binary), `no Lotse binary at ${binary}: run \`cargo build\` first, or set LOTSE_BIN`);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const token = 'browser-test-token';
// The README's screenshots are retaken with LOTSE_SCREENSHOTS=1; otherwise
// they go to the scratch folder, so a test run leaves the work tree as it is.
let shots;

/** The German (or other) text of a message, from the locale file. */
function says(lang, id) {
  const text = readFileSync(join(root, `locales/${lang}/lotse.ftl`), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} = `));
  assert.ok(line, `no message ${id} in ${lang}`);
  return line.slice(id.length + 3).trim();
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

let lotse;
let browser;
let base;
let scratch;

test.before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lotse-browser-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  lotse = spawn(
    binary,
    ['web', '--listen', `127.0.0.1:${port}`, '--database', join(scratch, 'lotse.db'),
      '--web-burst', '10000', '--web-per-minute', '10000'],
    { cwd: root, env: { ...process.env, LOTSE_ADMIN_TOKEN: token }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    assert.ok(Date.now() < deadline, 'lotse web did not start within a minute');
    assert.equal(lotse.exitCode, null, 'lotse web exited');
    await new Promise((r) => setTimeout(r, 200));
  }
  // Playwright gives every launch a fresh --user-data-dir of its own.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  shots = process.env.LOTSE_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : scratch;
  mkdirSync(shots, { recursive: true });
});

test.after(async () => {
  if (browser) await browser.close();
  if (lotse) lotse.kill('SIGTERM');
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * A page in a new context that records console errors, page errors,
 * dialogs and every request that leaves the site (`origin`).
 */
async function open(options = {}, origin = base) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:') problems.push(`request elsewhere: ${r.url()}`);
  });
  return {
    page,
    problems,
    /** Closes the page; `expected` are the errors the test caused on purpose. */
    async close(expected = []) {
      await context.close();
      const unexpected = problems.filter((p) => !expected.some((e) => e.test(p)));
      assert.deepEqual(unexpected, [], 'no console errors, dialogs or requests elsewhere');
    },
  };
}

/** axe-core over the page: no serious or critical violation. */
async function accessible(page, what) {
  // Evaluated through the DevTools protocol, not as an inline script, so
  // the page's CSP stays as it is.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe on ${what}`,
  );
}

async function htmlAttributes(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

test('the German start page: language, one text field, headers, 360 px', async () => {
  const { page, close } = await open({ extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /script-src 'self'/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(await htmlAttributes(page), { lang: 'de', dir: 'ltr' });
  assert.equal(await page.locator('input:visible').count(), 1, 'one visible text field');
  assert.equal(await page.locator('#languages a').count(), 12, 'all twelve languages');
  await page.locator('h1').filter({ hasText: says('de', 'start-greeting') }).waitFor();
  await page.screenshot({ path: join(shots, 'start-de.png') });
  await accessible(page, 'the German start page');
  // Every resource the page loaded answers with nosniff too.
  for (const path of ['/lotse.css', '/lotse.js', '/favicon.svg']) {
    const asset = await page.request.get(`${base}${path}`);
    assert.equal(asset.headers()['x-content-type-options'], 'nosniff', path);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/?lang=de&q=Verwaltung`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `readable at 360 px without scrolling sideways (${overflow})`);
  await close();
});

test('the Arabic start page is right to left', async () => {
  const { page, close } = await open({ extraHTTPHeaders: { 'Accept-Language': 'ar-SY,ar;q=0.9' } });
  await page.goto(`${base}/`);
  assert.deepEqual(await htmlAttributes(page), { lang: 'ar', dir: 'rtl' });
  await page.locator('h1').filter({ hasText: says('ar', 'start-greeting') }).waitFor();
  await page.screenshot({ path: join(shots, 'start-ar.png') });
  await accessible(page, 'the Arabic start page');
  // The picker changes the language, and ?lang= wins over the browser's.
  await page.locator('#languages a[hreflang=de]').click();
  assert.deepEqual(await htmlAttributes(page), { lang: 'de', dir: 'ltr' });
  await close();
});

test('a question without JavaScript: a plain form, a new page', async () => {
  const { page, close } = await open({ javaScriptEnabled: false });
  await page.goto(`${base}/?lang=de`);
  await page.fill('#q', 'Anerkennung ausländischer Abschlüsse');
  await Promise.all([page.waitForURL(/q=Anerkennung/), page.click('#ask button')]);
  const heading = await page.locator('#answer h1').textContent();
  assert.match(heading, /gefunden/);
  assert.ok(await page.locator('#answer a[href^="/e/"]').count() > 0, 'entries link to their pages');
  await page.screenshot({ path: join(shots, 'results-de.png') });
  // 👍 posts a form and thanks.
  await Promise.all([page.waitForNavigation(), page.locator('form.press button', { hasText: '👍' }).click()]);
  await page.getByText(says('de', 'feedback-thanks')).waitFor();
  await close();
});

test('a question with JavaScript is answered in place, with paging and 👍', async () => {
  const { page, close } = await open();
  await page.goto(`${base}/?lang=de`);
  await page.evaluate(() => { window.stayed = true; });
  await page.fill('#q', 'Verwaltung');
  await page.press('#q', 'Enter');
  await page.locator('#answer h1', { hasText: /gefunden/ }).waitFor();
  assert.equal(await page.evaluate(() => window.stayed), true, 'the page was not reloaded');
  assert.match(page.url(), /q=Verwaltung/, 'the address follows');
  // axe runs JavaScript, so the result page is checked here.
  await accessible(page, 'a result page');
  const more = page.locator('#answer a.button', { hasText: '▶' });
  await more.click();
  await page.locator('#answer').getByText(/2\s*\/\s*3|2 von 3|Seite 2/).first().waitFor();
  await page.locator('form.press button', { hasText: '👍' }).click();
  await page.getByText(says('de', 'feedback-thanks')).waitFor();
  assert.equal(await page.evaluate(() => window.stayed), true, 'still the same page');
  await close();
});

test('an entry page has tel:, mailto: and a vCard', async () => {
  const { page, close } = await open();
  const response = await page.goto(`${base}/e/maria-kotsina?lang=de`);
  assert.equal(response.status(), 200);
  assert.ok(await page.locator('a[href^="tel:"]').count() > 0);
  assert.ok(await page.locator('a[href^="mailto:"]').count() > 0);
  const card = page.locator('a[download]');
  assert.equal(await card.getAttribute('href'), '/e/maria-kotsina/vcard');
  const vcard = await page.request.get(`${base}/e/maria-kotsina/vcard`);
  assert.match(vcard.headers()['content-type'], /^text\/vcard/);
  assert.match(await vcard.text(), /^BEGIN:VCARD/);
  await accessible(page, 'an entry page');
  await close();
});

test('a question without an answer says so and offers the contact', async () => {
  const { page, close } = await open();
  await page.goto(`${base}/?lang=de&q=${encodeURIComponent('xqzv wkjh')}`);
  await page.getByText(says('de', 'no-results')).waitFor();
  await page.getByText(says('de', 'no-results-contact')).waitFor();
  assert.ok(await page.locator('#answer a[href^="mailto:"]').count() > 0, 'the network\'s e-mail');
  assert.equal(await page.locator('#answer', { hasText: /gefunden:/ }).count(), 0, 'nothing presented as found');
  await accessible(page, 'the no-answer page');
  await close();
});

test('an XSS attempt shows as text', async () => {
  const { page, close } = await open();
  const attack = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  await page.goto(`${base}/?lang=de`);
  await page.fill('#q', attack);
  await page.press('#q', 'Enter');
  await page.locator('#answer h1').waitFor();
  await page.waitForURL(/q=/);
  await page.reload();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.inputValue('#q'), attack, 'the question comes back as text');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  await close();
});

test('the admin page wants the token', async () => {
  const { page, close } = await open({ extraHTTPHeaders: { 'Accept-Language': 'de' } });
  const denied = await page.goto(`${base}/admin`);
  assert.equal(denied.status(), 401, 'without the token: 401, not a redirect');
  assert.equal(denied.url(), `${base}/admin`);
  await accessible(page, 'the admin login');
  await page.fill('#token', 'wrong');
  const [wrong] = await Promise.all([page.waitForNavigation(), page.click('form.login button')]);
  assert.equal(wrong.status(), 403);
  await page.fill('#token', token);
  const [right] = await Promise.all([page.waitForNavigation(), page.click('form.login button')]);
  assert.equal(right.status(), 200);
  await page.getByRole('heading', { name: says('de', 'admin-coverage') }).waitFor();
  await page.getByRole('heading', { name: says('de', 'report-per-day') }).waitFor();
  await page.screenshot({ path: join(shots, 'admin-de.png'), fullPage: true });
  await accessible(page, 'the admin page');
  // The reload button reloads, under the login cookie.
  const [reloaded] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: says('de', 'admin-reload-button') }).click(),
  ]);
  assert.equal(reloaded.status(), 200);
  await page.locator('p.notice').waitFor();
  const bearer = await page.request.get(`${base}/admin`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(bearer.status(), 200);
  // Chromium logs the refusals asked for above as errors; nothing else.
  await close([/status of 401 \(Unauthorized\)/, /status of 403 \(Forbidden\)/]);
});

test('beside the bot, a counsellor\'s reply appears in place', async () => {
  const staffChat = -1001234567890;
  const counsellor = 5010203;
  const fake = await startFakeBotApi({ staffChat, members: [counsellor] });
  const port = await freePort();
  const web = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), 'lotse-browser-serve-'));
  const bot = spawn(binary, ['serve', '--web-listen', `127.0.0.1:${port}`], {
    cwd: root,
    env: {
      ...process.env,
      TELOXIDE_TOKEN: '123456:TEST-token-abcdefghijklmnopqrstuvwxyz',
      TELOXIDE_API_URL: fake.url,
      LOTSE_STAFF_CHAT: String(staffChat),
      LOTSE_DATABASE_URL: join(data, 'lotse.db'),
      HTTPS_PROXY: '', https_proxy: '', HTTP_PROXY: '', http_proxy: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${web}/`)).ok) break;
      } catch {
        // Not listening yet.
      }
      assert.ok(Date.now() < deadline, 'lotse serve --web-listen did not start within a minute');
      assert.equal(bot.exitCode, null, 'lotse serve exited');
      await new Promise((r) => setTimeout(r, 200));
    }
    const { page, close } = await open({}, web);
    await page.goto(`${web}/?lang=de&q=${encodeURIComponent('xqzv wkjh')}`);
    await page.locator('#answer a.button', { hasText: says('de', 'button-counsellor') }).click();
    await page.getByText(says('de', 'handover-consent-web-kept')).waitFor();
    await accessible(page, 'the consent screen');
    await Promise.all([page.waitForNavigation(), page.locator('form.case button', { hasText: '✅' }).click()]);
    await page.locator('#write textarea').waitFor();
    assert.equal(fake.topics.size, 1, 'one topic');
    const [[thread, topic]] = [...fake.topics];
    assert.match(topic.texts[0], /Kanal: <\/b>Webseite|Kanal:.*Webseite/);
    await page.fill('#write textarea', 'Ich brauche Hilfe mit einem Brief.');
    await Promise.all([page.waitForNavigation(), page.click('#write button')]);
    await page.getByText(says('de', 'handover-received')).first().waitFor();
    assert.ok(topic.texts.some((t) => t.includes('Ich brauche Hilfe')), 'the text is in the topic');
    // The reply arrives while the page stays as it is.
    await page.evaluate(() => { window.stayed = true; });
    fake.staffSays(thread, counsellor, 'Gern, schicken Sie uns die wichtigsten Zeilen.');
    await page.locator('#case-thread', { hasText: 'schicken Sie uns die wichtigsten Zeilen' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.stayed), true, 'the page was not reloaded');
    await accessible(page, 'a case with a reply');
    await close();
  } finally {
    bot.kill('SIGTERM');
    fake.close();
    rmSync(data, { recursive: true, force: true });
  }
});
