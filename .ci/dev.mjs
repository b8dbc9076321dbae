// `npm run dev`: WXT's dev mode (build, watch, reload) with a browser opened by WXT's runner on a
// sample page to select from. The page (tests/fixtures/pages/sample.html) is served here on
// http://localhost:5174, an ordinary web page the extension may read after a click on its menu,
// as any site. Arguments go to wxt: `npm run dev -- -b firefox --mv3`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PROMPTBRUSH_SAMPLE_PORT || 5174);
const page = readFileSync(join(ROOT, 'tests/fixtures/pages/sample.html'));

const server = createServer((request, response) => {
  if (request.url === '/' || request.url === '/sample.html')
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  else response.writeHead(404).end('not found');
});
server.on('error', (error) => {
  process.stderr.write(`dev: the sample page could not be served on port ${PORT} (${error.message}); set PROMPTBRUSH_SAMPLE_PORT.\n`);
});
server.listen(PORT, '127.0.0.1', () => process.stdout.write(`dev: sample page at http://localhost:${PORT}/sample.html\n`));

const wxt = spawn('wxt', process.argv.slice(2), {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PROMPTBRUSH_DEV_START_URL: `http://localhost:${PORT}/sample.html` },
});
wxt.on('exit', (code) => {
  server.close();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wxt.kill(signal));
