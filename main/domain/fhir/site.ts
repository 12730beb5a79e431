import { siteRecordSystem, SYSTEM } from './systems';
import type { Identifier, Resource } from './types';

export interface SiteForFhir {
  id: string;
  code: string;
  name: string;
  province: string;
  district: string;
  commune: string;
}

export function siteIdentifier(code: string): Identifier {
  return { system: SYSTEM.site, value: code };
}

/** The vaccination site as a Location, identified by the Ministry's site code. */
export function toLocation(site: SiteForFhir): Resource {
  return {
    resourceType: 'Location',
    identifier: [siteIdentifier(site.code)],
    status: 'active',
    name: site.name,
    mode: 'instance',
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PC', display: 'primary care clinic' }] }],
    address: { text: [site.name, site.commune, site.district, site.province].join(', '), district: site.district, state: site.province, country: 'VN' },
  };
}

export function staffIdentifier(siteCode: string, staffId: string): Identifier {
  return { system: siteRecordSystem(siteCode, 'staff'), value: staffId };
}

/** The nurse or supervisor who gave or recorded something, as a Practitioner in the site's namespace. */
export function toPractitioner(staff: { id: string; fullName: string }, siteCode: string): Resource {
  return {
    resourceType: 'Practitioner',
    identifier: [staffIdentifier(siteCode, staff.id)],
    active: true,
    name: [{ text: staff.fullName }],
  };
}
