/**
 * The COVID-19 products Viet Nam used, keyed by station code and mapped to the
 * EU DCC value sets (mp, ma, vp, tg) that certificates need. Two formulations of
 * one product (Comirnaty 30 µg and the 5–11 10 µg) share an EU code but differ
 * in age range, presentation and in-use time, hence separate entries.
 * Doses per vial and in-use hours are the usual presentation; a lot may say
 * otherwise. Later products (routine vaccines) arrive as later migrations.
 */
export const sql = `
INSERT INTO vaccine_product
  (code, name, formulation, dcc_product, dcc_manufacturer, dcc_prophylaxis, dcc_disease,
   min_age_years, max_age_years, default_doses_per_vial, in_use_hours, kind, aliases)
VALUES
  ('comirnaty', 'Comirnaty', '30 µg, 12 years and over', 'EU/1/20/1528', 'ORG-100030215', '1119349007', '840539006',
   12, NULL, 6, 6, 'covid19', '["pfizer","pfizer-biontech","biontech"]'),
  ('comirnaty-5-11', 'Comirnaty 5–11', '10 µg, children 5–11 years', 'EU/1/20/1528', 'ORG-100030215', '1119349007', '840539006',
   5, 11, 10, 12, 'covid19', '["pfizer 5-11","pfizer tre em","comirnaty 5-11"]'),
  ('spikevax', 'Spikevax', '100 µg', 'EU/1/20/1507', 'ORG-100031184', '1119349007', '840539006',
   12, NULL, 10, 12, 'covid19', '["moderna"]'),
  ('vaxzevria', 'Vaxzevria', 'ChAdOx1-S', 'EU/1/21/1529', 'ORG-100001699', '29061000087103', '840539006',
   18, NULL, 10, 6, 'covid19', '["astrazeneca","az","astra zeneca"]'),
  ('vero-cell', 'Vero Cell (BBIBP-CorV)', 'inactivated', 'BBIBP-CorV', 'ORG-100020693', '1157024006', '840539006',
   3, NULL, 1, 1, 'covid19', '["vero cell","verocell","sinopharm","bbibp-corv"]'),
  ('sputnik-v', 'Sputnik V', 'Gam-COVID-Vac', 'Sputnik-V', 'Gamaleya-Research-Institute', '29061000087103', '840539006',
   18, NULL, 1, 2, 'covid19', '["sputnik","gam-covid-vac"]'),
  ('abdala', 'Abdala', 'CIGB-66', 'Abdala', 'CIGB', '1162643001', '840539006',
   18, NULL, 10, 6, 'covid19', '["cigb-66"]'),
  ('hayat-vax', 'Hayat-Vax', 'inactivated', 'Hayat-Vax', 'ORG-100023050', '1157024006', '840539006',
   18, NULL, 1, 1, 'covid19', '["hayat vax","hayatvax"]');
`;
