import { z } from 'zod';
import { Ack, Empty, Pin, op } from './common';

export const SiteInput = z.object({
  /** Site code as the national platform knows it (letters, digits, dash). */
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, 'letters, digits, . _ - (2–32)'),
  name: z.string().trim().min(2).max(200),
  province: z.string().trim().min(2).max(100),
  district: z.string().trim().min(2).max(100),
  commune: z.string().trim().min(2).max(100),
});
export type SiteInput = z.infer<typeof SiteInput>;

export const Site = SiteInput.extend({ id: z.string(), createdAt: z.string() });
export type Site = z.infer<typeof Site>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'letters, digits, . _ - (2–32)');

export const SupervisorInput = z.object({
  fullName: z.string().trim().min(2).max(120),
  username: Username,
  pin: Pin,
});

export const SetupStatus = z.object({
  needsSetup: z.boolean(),
  site: Site.nullable(),
  /** Today's date at the site (Asia/Ho_Chi_Minh), so the UI never guesses the day. */
  siteToday: z.string(),
});

export const DemoCredentials = z.object({
  site: Site,
  supervisor: z.object({ username: z.string(), pin: z.string() }),
  nurse: z.object({ username: z.string(), pin: z.string() }),
  planId: z.string(),
  targets: z.number().int(),
});

export const setupOps = {
  'setup:status': op({ summary: 'Whether first-run setup is needed, and the site', request: Empty, response: SetupStatus }),
  'setup:initialize': op({
    summary: 'First run: create the site and its first supervisor',
    request: z.object({ site: SiteInput, supervisor: SupervisorInput }),
    response: Site,
  }),
  'setup:seedDemo': op({
    summary: 'First run: seed a demo site, staff, a plan and a synthetic target list',
    request: z.object({ targets: z.number().int().min(10).max(5000).default(300) }),
    response: DemoCredentials,
  }),
  'setup:updateSite': op({
    summary: "Supervisor: correct the site's details (code, name, address) after first-run setup",
    request: z.object({ site: SiteInput }),
    response: Site,
  }),
  'setup:ack': op({ summary: 'Liveness check of the core', request: Empty, response: Ack }),
};
