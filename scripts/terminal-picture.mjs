#!/usr/bin/env node
// The README's terminal picture: a real run of the built binary against the bundled simulator, in a real terminal.
//
//   npm run build && node scripts/terminal-picture.mjs      (or: npm run picture)
//
// It starts the simulator in this process on fixed loopback ports (so the picture does not change from run to run),
// opens a detached tmux session of 80 columns with an interactive shell whose prompt is `$ `, types
// `crpat --repo octocat/hello-world` with a token of the simulator that lacks write:packages, waits for the prompt to
// come back, and reads the screen with `tmux capture-pane -e` (colours kept). Then it writes
//   docs/images/failing-report.svg   the screen as an SVG (colours and bold from the SGR codes)
//   docs/images/failing-report.txt   the same screen as plain text, rows the terminal wrapped joined (capture-pane -J)
// and replaces the text between the README's `<!-- failing-report:start -->` and `<!-- failing-report:end -->` markers
// with that plain text. It needs tmux, bash and a built dist/ (npm run build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 80;
const PORTS = { api: 47080, registry: 47500 };
const SCENARIO = 'classic-repo-scope-only';
const COMMAND = 'crpat --repo octocat/hello-world';

/** tmux on this picture's private server (set by main). */
let tmux;

async function main() {
  const { startSimulator, SCENARIOS, tokenValue } = await import(join(ROOT, 'dist/simulator.js'));
  const scenario = SCENARIOS.find((s) => s.name === SCENARIO);
  const sim = await startSimulator({ ports: PORTS });
  const dir = mkdtempSync(join(tmpdir(), 'crpat-picture-'));
  const socket = join(dir, 'tmux.sock');
  tmux = (...args) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  try {
    // `crpat` on PATH is the built binary; the token reaches CR_PAT through a file, never an argv.
    writeFileSync(join(dir, 'crpat'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/crpat.js'))} "$@"\n`, { mode: 0o700 });
    writeFileSync(join(dir, 'token'), tokenValue(sim.world, scenario.tokenLabel), { mode: 0o600 });
    writeFileSync(
      join(dir, 'rc'),
      [
        `export PATH=${JSON.stringify(`${dir}:${process.env.PATH}`)}`,
        `export GITHUB_API_URL=${sim.apiUrl} CRPAT_REGISTRY=${sim.registryUrl}`,
        `IFS= read -r CR_PAT < ${JSON.stringify(join(dir, 'token'))}; export CR_PAT`,
        "PS1='$ '",
        'clear',
      ].join('\n'),
    );
    const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', TERM: 'xterm-256color' };
    execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(COLUMNS), '-y', '50', `bash --noprofile --rcfile ${join(dir, 'rc')} -i`], { env });
    await until(() => tmux('capture-pane', '-p').trim() === '$');
    tmux('send-keys', '-l', COMMAND);
    tmux('send-keys', 'Enter');
    // Done when the prompt is back on the last line.
    await until(() => /\n\$ ?$/.test(tmux('capture-pane', '-p').trimEnd()));
    const screen = tmux('capture-pane', '-p', '-e').replace(/\s+$/, '').split('\n');
    screen.pop(); // the prompt that came back
    // The text version joins the rows the terminal wrapped (a link longer than 80 columns): one line as written,
    // the link whole, as a copy from the terminal gives it.
    const joined = tmux('capture-pane', '-p', '-J').replace(/\s+$/, '').split('\n');
    joined.pop();
    const plain = joined.map((line) => line.trimEnd());
    writeFileSync(join(ROOT, 'docs/images/failing-report.svg'), toSvg(screen));
    writeFileSync(join(ROOT, 'docs/images/failing-report.txt'), `${plain.join('\n')}\n`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const updated = readme.replace(
      /(<!-- failing-report:start -->\n```text\n)[\s\S]*?(```\n<!-- failing-report:end -->)/,
      (_all, start, end) => `${start}${plain.join('\n')}\n${end}`,
    );
    writeFileSync(join(ROOT, 'README.md'), updated);
    console.log(`docs/images/failing-report.svg and .txt: ${screen.length} lines of \`${COMMAND}\` (scenario ${SCENARIO})`);
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // the server may already be gone
    }
    rmSync(dir, { recursive: true, force: true });
    await sim.close();
  }
}

async function until(test, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out; the screen:\n${tmux('capture-pane', '-p')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// --- ANSI (SGR) screen → SVG -----------------------------------------------------------------------------------------

/** xterm's 16 colours, as a dark terminal theme shows them. */
const PALETTE = ['#1e1e1e', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#e5e5e5',
  '#767676', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const FG = '#d4d4d4';
const BG = '#1e1e1e';
const CELL = { width: 8.4, height: 18 };
const PAD = 16;

/** One `<text>` per line, one `<tspan>` per run of the same style; spaces kept (`xml:space="preserve"`). */
function toSvg(lines) {
  const rows = lines.map((line, i) => {
    const y = PAD + CELL.height * (i + 1) - 5;
    const spans = runs(line)
      .map(({ text, style }) => {
        const attrs = [];
        if (style.fg !== null) attrs.push(`fill="${style.fg}"`);
        if (style.bold) attrs.push('font-weight="bold"');
        if (style.dim) attrs.push('fill-opacity="0.6"');
        if (style.underline) attrs.push('text-decoration="underline"');
        return attrs.length > 0 ? `<tspan ${attrs.join(' ')}>${escape(text)}</tspan>` : escape(text);
      })
      .join('');
    return `  <text x="${PAD}" y="${y}" xml:space="preserve">${spans}</text>`;
  });
  const width = Math.round(PAD * 2 + CELL.width * COLUMNS);
  const height = Math.round(PAD * 2 + CELL.height * lines.length);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="crpat reporting a token that cannot push, in an 80-column terminal">`,
    `  <rect width="100%" height="100%" rx="6" fill="${BG}"/>`,
    `  <g font-family="'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace" font-size="14" fill="${FG}">`,
    ...rows.map((row) => `  ${row}`),
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}

/** Splits a captured line at its SGR codes into runs of text with the style in force. */
function runs(line) {
  const out = [];
  let style = { fg: null, bold: false, dim: false, underline: false };
  let index = 0;
  // eslint-disable-next-line no-control-regex
  for (const match of line.matchAll(/\u001b\[([0-9;:]*)m/g)) {
    if (match.index > index) out.push({ text: line.slice(index, match.index), style });
    style = apply(style, match[1]);
    index = match.index + match[0].length;
  }
  if (index < line.length) out.push({ text: line.slice(index), style });
  return out;
}

function apply(previous, params) {
  const style = { ...previous };
  const codes = (params === '' ? '0' : params).split(/[;:]/).map(Number);
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i];
    if (code === 0) Object.assign(style, { fg: null, bold: false, dim: false, underline: false });
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 22) Object.assign(style, { bold: false, dim: false });
    else if (code === 4) style.underline = true;
    else if (code === 24) style.underline = false;
    else if (code >= 30 && code <= 37) style.fg = PALETTE[code - 30];
    else if (code >= 90 && code <= 97) style.fg = PALETTE[code - 90 + 8];
    else if (code === 39) style.fg = null;
    else if (code === 38 && codes[i + 1] === 5) {
      const n = codes[i + 2];
      style.fg = n < 16 ? PALETTE[n] : null;
      i += 2;
    }
  }
  return style;
}

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

await main();
