-- Directory search by need, place and language over tens of thousands of services (issue 8,
-- speed item; decision 0123).
--
-- hsds_service_search holds one row per LISTED service (not deleted, status active or
-- temporarily closed) with its name (the sort key) and every search key it answers to:
--   'n:' || taxonomy term code              (need)
--   'l:' || language code                   (language, stored lower case)
--   's:' || folded state, 'c:' || folded city, 'p:' || folded state || U+001F || folded city
--                                           (place; 'p:' keeps "state AND city of the same address")
-- A search is then one GIN lookup (keys @> ARRAY[...]) instead of three correlated EXISTS over
-- four tables. The directory module rewrites a service's row in the same transaction as every
-- write that can change it (hsds_service_search_refresh); nothing else writes hsds_* tables.

-- Accent- and case-insensitive place names, the same folding for the keys and for the query.
CREATE FUNCTION hsds_fold(value text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(unaccent(value))
$$;

CREATE TABLE hsds_service_search (
  service_id uuid PRIMARY KEY REFERENCES hsds_services (id) ON DELETE CASCADE,
  name text NOT NULL,
  keys text[] NOT NULL
);
-- fastupdate off: directory writes are rare and searches constant; a pending list (fastupdate's
-- default) is scanned linearly by every search until VACUUM merges it.
CREATE INDEX hsds_service_search_keys ON hsds_service_search USING gin (keys) WITH (fastupdate = off);
-- The unfiltered public listing pages through every listed service by name.
CREATE INDEX hsds_service_search_name ON hsds_service_search (name, service_id);

-- Rewrites the search rows of the given services from the HSDS tables (drops those no longer listed).
CREATE FUNCTION hsds_service_search_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  -- IN (unnest) rather than = ANY: a hash join when refreshing the whole directory, not ids × rows.
  DELETE FROM hsds_service_search WHERE service_id IN (SELECT unnest(ids));
  INSERT INTO hsds_service_search (service_id, name, keys)
  SELECT s.id, s.name, ARRAY(
      SELECT 'n:' || t.code FROM hsds_attributes x JOIN hsds_taxonomy_terms t ON t.id = x.taxonomy_term_id WHERE x.service_id = s.id
      UNION
      SELECT 'l:' || l.code FROM hsds_languages l WHERE l.service_id = s.id AND l.code IS NOT NULL
      UNION
      SELECT k.key FROM hsds_service_at_locations x JOIN hsds_addresses a ON a.location_id = x.location_id
        CROSS JOIN LATERAL (VALUES ('s:' || hsds_fold(a.state_province)), ('c:' || hsds_fold(a.city)),
                                   ('p:' || hsds_fold(a.state_province) || chr(31) || hsds_fold(a.city))) AS k(key)
       WHERE x.service_id = s.id)
    FROM hsds_services s
   WHERE s.id IN (SELECT unnest(ids)) AND s.deleted_at IS NULL AND s.status IN ('active', 'temporarily closed');
$$;

SELECT hsds_service_search_refresh(ARRAY(SELECT id FROM hsds_services));

-- The place filter no longer reads addresses at search time.
DROP INDEX hsds_addresses_place;

-- Loading a page of services reads children by service; these three had no such index
-- (hsds_languages_code leads with the code), so every page scanned them whole.
CREATE INDEX hsds_languages_service ON hsds_languages (service_id);
CREATE INDEX hsds_cost_options_service ON hsds_cost_options (service_id);
CREATE INDEX hsds_contacts_service ON hsds_contacts (service_id);
