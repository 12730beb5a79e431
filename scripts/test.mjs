#!/usr/bin/env node
// `npm test`: everything a change must pass, in order — typecheck, lint, build,
// then every vitest project (unit, integration, e2e in Chromium). Each of the
// first three counts as one check; vitest contributes its test counts. The
// last line is `N passed, N failed`, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return r.status === 0;
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['--max-warnings=0', '.']);
const built = step('build', process.execPath, ['scripts/build.mjs']);

const report = join(results, 'vitest.json');
if (built) {
  console.log('\n▶ vitest (unit, integration, e2e)');
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
    // A suite that fails to load has no tests to count; count it as a failure so it cannot hide.
    for (const suite of json.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
        failed++;
        failures.push(`suite ${suite.name}`);
      }
    }
    for (const suite of json.testResults ?? []) {
      for (const t of suite.assertionResults ?? []) if (t.status === 'failed') failures.push(t.fullName);
    }
  } else {
    failed++;
    failures.push('vitest produced no report');
  }
} else {
  failures.push('vitest skipped: build failed');
}

writeFileSync(join(results, 'summary.json'), JSON.stringify({ passed, failed, failures }, null, 2));
if (failures.length) console.log(`\nFailed:\n  ${failures.slice(0, 50).join('\n  ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
