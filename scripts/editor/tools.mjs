// Installs, on first use and idempotently, what the real-editor tests and `npm start` need
// outside the project's own dependency tree:
//   - code-server 4.100.3 (VS Code 1.100.3 served to a browser; the newest release that runs on
//     Node 20) into .tools/code-server, kept apart so `npm ci` stays small and fast;
//   - Debian's Chromium, driven by playwright-core.
// Nothing here downloads a binary from outside the npm registry and Debian's packages: the
// ripgrep that code-server's @vscode/ripgrep would fetch from GitHub is fed from Debian's rg.
// What the installers print goes to a log file under .tools/ (see quietInstall.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installQuietly } from './quietInstall.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const toolsDir = path.join(root, '.tools');
const codeServerDir = path.join(toolsDir, 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Where the installs below write their output (the terminal gets one line each). */
export const codeServerLog = path.join(toolsDir, 'code-server-install.log');
export const chromiumLog = path.join(toolsDir, 'chromium-install.log');
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = () => isRoot && has('apt-get');
let aptUpdated = false;

/**
 * apt-get install through `run` (installQuietly's, so the output goes to its log), only as root
 * and only for what is missing; false when it cannot be done.
 */
function aptInstall(packages, run) {
  if (!canApt()) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  return run('apt-get', ['install', '-y', '-qq', ...packages], { env }).status === 0;
}

function dpkgInstalled(name) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');
}

/** The Chromium binary to drive: CHROME_PATH, else Debian's, installed when missing and permitted. */
export function ensureChromium({ out = process.stderr, logFile = chromiumLog } = {}) {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  if (canApt()) {
    installQuietly({ title: "Installing Debian's chromium", logFile, out }, ({ run }) => {
      if (!aptInstall(['chromium'], run) || !fs.existsSync('/usr/bin/chromium'))
        throw new Error('apt-get install chromium failed: install Chromium yourself or set CHROME_PATH');
    });
    return '/usr/bin/chromium';
  }
  throw new Error("No Chromium found. Install Debian's `chromium` package (apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.");
}

/**
 * code-server in .tools/code-server; returns the path of its entry script (run it with this Node).
 * The first call installs it from the npm registry, its output in .tools/code-server-install.log
 * and one progress line on `out`.
 */
export function ensureCodeServer({ out = process.stderr, logFile = codeServerLog } = {}) {
  const marker = path.join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`);
  if (fs.existsSync(marker) && fs.existsSync(codeServerEntry)) return codeServerEntry;
  const title = `Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(root, codeServerDir)}/, first run only, about 2 minutes`;
  return installQuietly({ title, logFile, out }, ({ run, note }) => {
    // Build prerequisites of its native addons (kerberos) and the ripgrep binary it would download.
    const missing = ['libkrb5-dev', 'ripgrep', 'python3', 'make', 'g++'].filter((p) => !dpkgInstalled(p));
    let warning = '';
    if (missing.length > 0 && !aptInstall(missing, run)) {
      warning = `; ${missing.join(', ')} could not be installed (apt-get needs root), which may be why`;
      note(`could not install ${missing.join(', ')}: the install may fail`);
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-cs-'));
    try {
      const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
      if (rg) {
        // @vscode/ripgrep's postinstall looks in $TMPDIR/vscode-ripgrep-cache-<its version>/ first.
        note(`feeding ${rg} to @vscode/ripgrep through ${tmp}`);
        const stage = path.join(tmp, 'rg-stage', 'bin');
        fs.mkdirSync(stage, { recursive: true });
        fs.copyFileSync(rg, path.join(stage, 'rg'));
        for (const version of ['1.15.9', '1.15.10', '1.15.11', '1.15.14', '1.16.0']) {
          const dir = path.join(tmp, `vscode-ripgrep-cache-${version}`);
          fs.mkdirSync(dir, { recursive: true });
          execFileSync('tar', ['-czf', path.join(dir, RIPGREP_TARBALL), '-C', stage, 'rg']);
        }
      }
      fs.mkdirSync(codeServerDir, { recursive: true });
      fs.writeFileSync(path.join(codeServerDir, 'package.json'), JSON.stringify({ name: 'aws-study-hints-code-server', private: true }, null, 2));
      const env = {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      };
      const result = run('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env });
      if (result.status !== 0 || !fs.existsSync(codeServerEntry)) {
        throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status ?? result.signal ?? result.error?.message})${warning}`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    fs.writeFileSync(marker, new Date().toISOString());
    return codeServerEntry;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ensureChromium());
  console.log(ensureCodeServer());
}
