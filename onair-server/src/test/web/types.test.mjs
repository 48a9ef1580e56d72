// onair.d.ts against onair.js: the declared exports are the module's exports, and (when `npm ci` installed
// TypeScript here, see scripts/install-test-deps.sh) tsc type-checks the .d.ts and types-usage.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '../../main/resources/web/onair.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dts = readFileSync(here('../../main/resources/web/onair.d.ts'), 'utf8');

test('every runtime export is declared in onair.d.ts, and every declared value exists at runtime', () => {
  const declared = [...dts.matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, Object.keys(sdk).sort());
});

test('the events listed in RoomEventMap are the events the SDK emits', () => {
  const body = dts.slice(dts.indexOf('export interface RoomEventMap'));
  const declared = [...body.slice(0, body.indexOf('\n}')).matchAll(/^ {2}(\w+): \[/gm)].map((m) => m[1]).sort();
  const js = readFileSync(here('../../main/resources/web/onair.js'), 'utf8');
  const emitted = [...new Set([...js.matchAll(/\.emit\('(\w+)'/g)].map((m) => m[1]))].sort();
  assert.deepEqual(declared, emitted);
});

const tsc = here('./node_modules/typescript/bin/tsc');
test('tsc --noEmit accepts onair.d.ts and types-usage.ts', { skip: !existsSync(tsc) && 'TypeScript not installed (npm ci)' }, () => {
  const r = spawnSync(process.execPath, [tsc, '-p', here('./tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});
