// The services directory in the Open Referral HSDS 3.0 shape (https://docs.openreferral.org):
// a service with its organization, service_at_locations (each with its location and addresses),
// phones, schedules, languages, service_areas, cost_options, contacts and attributes (taxonomy
// terms). Field names are HSDS's, snake_case, so that an HSDS document goes in and comes out
// unchanged (country and language codes are normalised by the server). One schema serves input and output: on input every id may be left out (the
// server assigns one) and null means "not given"; on output ids are always present and nothing
// is null (HSDS types have no null). Properties outside this subset (funding, programs,
// metadata…) are accepted and ignored on import.
import { z } from 'zod';
import { INT4_MAX } from '../api/integers.ts';

const uuid = z.string().uuid();
const id = uuid.optional();
const text = (max = 2000) => z.string().max(max).nullish();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .nullish();
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'HH:MM')
  .nullish();
const email = z
  .string()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'e-mail address')
  .nullish();
const uri = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'http(s) URL')
  .nullish();
const locationTypes = ['physical', 'postal', 'virtual'] as const;

export const hsdsServiceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

export const hsdsOrganizationSchema = z.object({
  id,
  name: z.string().trim().min(1).max(300),
  alternate_name: text(300),
  description: z.string().max(4000),
  email,
  website: uri,
  uri,
  legal_status: text(200),
  year_incorporated: z.number().int().min(1800).max(2200).nullish(),
  parent_organization_id: uuid.nullish(),
});
export type HsdsOrganization = z.output<typeof hsdsOrganizationSchema>;

export const hsdsAddressSchema = z.object({
  id,
  location_id: uuid.nullish(),
  attention: text(200),
  address_1: z.string().trim().min(1).max(300),
  address_2: text(300),
  city: z.string().trim().min(1).max(200),
  region: text(200),
  state_province: z.string().trim().min(1).max(200),
  postal_code: z.string().max(20),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2'),
  address_type: z.enum(locationTypes).default('physical'),
});

export const hsdsLocationSchema = z.object({
  id,
  location_type: z.enum(locationTypes).default('physical'),
  url: uri,
  organization_id: uuid.nullish(),
  name: text(300),
  alternate_name: text(300),
  description: text(4000),
  transportation: text(2000),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  external_identifier: text(200),
  external_identifier_type: text(200),
  addresses: z.array(hsdsAddressSchema).max(5).default([]),
});
export type HsdsLocation = z.output<typeof hsdsLocationSchema>;

export const hsdsServiceAtLocationSchema = z.object({
  id,
  service_id: uuid.nullish(),
  location_id: uuid.nullish(),
  description: text(2000),
  location: hsdsLocationSchema,
});

export const hsdsPhoneSchema = z.object({
  id,
  service_id: uuid.nullish(),
  number: z.string().trim().min(1).max(50),
  extension: z.number().int().min(0).max(INT4_MAX).nullish(),
  type: text(50),
  description: text(500),
});

export const hsdsScheduleSchema = z.object({
  id,
  service_id: uuid.nullish(),
  valid_from: isoDate,
  valid_to: isoDate,
  dtstart: isoDate,
  until: isoDate,
  wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).nullish(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).nullish(),
  interval: z.number().int().min(1).max(52).nullish(),
  byday: z
    .string()
    .regex(/^(-?\d?(MO|TU|WE|TH|FR|SA|SU))(,-?\d?(MO|TU|WE|TH|FR|SA|SU))*$/, 'iCalendar BYDAY, e.g. MO,TU')
    .nullish(),
  bymonthday: z
    .string()
    .regex(/^-?\d{1,2}(,-?\d{1,2})*$/)
    .nullish(),
  opens_at: time,
  closes_at: time,
  description: text(1000),
  attending_type: text(100),
  notes: text(1000),
});

export const hsdsLanguageSchema = z.object({
  id,
  service_id: uuid.nullish(),
  name: text(100),
  /** ISO 639 / BCP 47 code, e.g. 'es', 'ht', 'tzh'. */
  code: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language code')
    .nullish(),
  note: text(500),
});

export const hsdsServiceAreaSchema = z.object({
  id,
  service_id: uuid.nullish(),
  name: text(300),
  description: text(1000),
  extent: text(20_000),
  extent_type: text(50),
  uri: text(2000),
});

export const hsdsCostOptionSchema = z.object({
  id,
  service_id: uuid.nullish(),
  valid_from: isoDate,
  valid_to: isoDate,
  option: text(300),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'ISO 4217')
    .nullish(),
  amount: z.number().min(0).nullish(),
  amount_description: text(500),
});

export const hsdsContactSchema = z.object({
  id,
  service_id: uuid.nullish(),
  name: text(200),
  title: text(200),
  department: text(200),
  email,
});

export const hsdsTaxonomyTermSchema = z.object({
  id,
  code: text(100),
  name: z.string().trim().min(1).max(300),
  description: z.string().max(2000),
  parent_id: uuid.nullish(),
  taxonomy: text(100),
  language: text(20),
  term_uri: uri,
});
export type HsdsTaxonomyTerm = z.output<typeof hsdsTaxonomyTermSchema>;

export const hsdsAttributeSchema = z.object({
  id,
  link_id: uuid.nullish(),
  link_type: text(100),
  link_entity: z.literal('service').default('service'),
  taxonomy_term_id: uuid.nullish(),
  value: text(500),
  taxonomy_term: hsdsTaxonomyTermSchema,
});

export const hsdsServiceSchema = z.object({
  id,
  organization_id: uuid.nullish(),
  name: z.string().trim().min(1).max(300),
  alternate_name: text(300),
  description: text(8000),
  url: uri,
  email,
  status: z.enum(hsdsServiceStatuses),
  interpretation_services: text(1000),
  application_process: text(4000),
  fees_description: text(2000),
  wait_time: text(500),
  accreditations: text(1000),
  eligibility_description: text(4000),
  minimum_age: z.number().min(0).max(130).nullish(),
  maximum_age: z.number().min(0).max(130).nullish(),
  /** When the maintaining organisation last checked the entry (Acompaña's "last verified"). */
  assured_date: isoDate,
  alert: text(1000),
  last_modified: z.string().nullish(),
  organization: hsdsOrganizationSchema,
  service_at_locations: z.array(hsdsServiceAtLocationSchema).max(50).default([]),
  phones: z.array(hsdsPhoneSchema).max(20).default([]),
  schedules: z.array(hsdsScheduleSchema).max(50).default([]),
  languages: z.array(hsdsLanguageSchema).max(50).default([]),
  service_areas: z.array(hsdsServiceAreaSchema).max(50).default([]),
  cost_options: z.array(hsdsCostOptionSchema).max(20).default([]),
  contacts: z.array(hsdsContactSchema).max(20).default([]),
  attributes: z.array(hsdsAttributeSchema).max(50).default([]),
});
export type HsdsServiceInput = z.input<typeof hsdsServiceSchema>;
export type HsdsService = z.output<typeof hsdsServiceSchema>;

/** HSDS 3.0 API page (openapi.json components/schemas/Page) around a list of services. */
export const hsdsServicePageSchema = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(hsdsServiceSchema),
});
export type HsdsServicePage = z.output<typeof hsdsServicePageSchema>;
