// Starting and stopping code-server (a real VS Code served to the browser) for tests,
// screenshots and `npm start`: bound to 127.0.0.1 on a free port, with its own profile
// folders, and stopped by process group so the extension host goes with it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { poll } from '../../test/support/poll.mjs';
import { ensureCodeServer } from './tools.mjs';

/** Settings that keep a test workbench quiet and offline. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'json.schemaDownload.enable': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'editor.hover.delay': 150,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Fresh profile folders under one temporary root: user data (settings), extensions, XDG dirs. */
export function makeProfile(settings = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-editor-'));
  const profile = {
    base,
    userDataDir: path.join(base, 'user-data'),
    extensionsDir: path.join(base, 'extensions'),
    xdg: path.join(base, 'xdg'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.mkdirSync(profile.xdg, { recursive: true });
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return profile;
}

function environment(profile) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(profile.xdg, 'config'),
    XDG_DATA_HOME: path.join(profile.xdg, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdg, 'cache'),
  };
}

export function installVsix(profile, vsix) {
  const entry = ensureCodeServer();
  const result = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix],
    {
      encoding: 'utf8',
      env: environment(profile),
      timeout: 120_000,
    },
  );
  if (result.status !== 0) throw new Error(`installing ${vsix} failed: ${result.stderr || result.stdout}`);
}

/**
 * Starts code-server and waits for /healthz. Returns its URL and a stop() that ends the whole
 * process group (the extension host included), whatever happened in between.
 */
export async function startCodeServer(profile, { port, log = () => {} } = {}) {
  const entry = ensureCodeServer();
  const chosenPort = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${chosenPort}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
    ],
    { detached: true, env: environment(profile), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    log(String(chunk));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${chosenPort}`;
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    try {
      await poll('code-server to exit', () => exited, { timeoutMs: 5_000, intervalMs: 100 });
    } catch {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  try {
    await poll(
      'code-server /healthz',
      async () => {
        if (exited) throw new Error(`code-server exited early:\n${output}`);
        try {
          const response = await fetch(`${url}/healthz`);
          return response.ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port: chosenPort, stop, output: () => output };
}

/** The workbench URL for a folder, optionally with a development extension and a test suite. */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const params = new URLSearchParams({ folder });
  const payload = [];
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
