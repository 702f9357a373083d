// Debian's Chromium driven by playwright-core (which never downloads a browser when given executablePath).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { HarnessError } from './harness.mjs';

/** @returns {string} the Chromium binary: $APIGW_E2E_CHROMIUM, else chromium / chromium-browser on PATH */
export function findChromium() {
  const fromEnv = process.env.APIGW_E2E_CHROMIUM;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new HarnessError(`APIGW_E2E_CHROMIUM=${fromEnv} does not exist`);
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new HarnessError(
    'Chromium not found (looked for chromium and chromium-browser on PATH): install it with apt-get install -y chromium, or set APIGW_E2E_CHROMIUM',
  );
}

/**
 * @param {{ executablePath: string, home: string }} options home: HOME for Chromium (keeps ~/.config clean)
 */
export function launchChromium({ executablePath, home }) {
  return chromium.launch({
    executablePath,
    headless: true,
    // run.mjs/start.mjs clean up on signals themselves (browser, then code-server, then files)
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
    },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** @param {import('playwright-core').Browser} browser */
export async function newWorkbenchPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return context.newPage();
}

/**
 * The text of a console message. The workbench's ConsoleLogger prints ('%c INFO', 'color: #33f', fmt, ...args);
 * extension-host output reaches the page that way.
 * @param {import('playwright-core').ConsoleMessage} msg
 * @returns {Promise<{ level: string, text: string }>}
 */
export async function consoleText(msg) {
  /** @type {unknown[]} */
  let args;
  try {
    args = await Promise.all(msg.args().map((handle) => handle.jsonValue()));
  } catch {
    args = [msg.text()];
  }
  /** @type {string} */
  let level = msg.type();
  const [first, second] = args;
  if (
    typeof first === 'string' &&
    /^%c\s*[A-Z]+$/.test(first) &&
    typeof second === 'string' &&
    second.startsWith('color:')
  ) {
    level = first.replace(/^%c\s*/, '');
    args = args.slice(2);
  }
  return { level, text: args.length ? util.format(...args) : msg.text() };
}
