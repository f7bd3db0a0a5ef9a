-- Missing-person search on a million people (issue 6, item 8; decision 0124): a report naming a
-- common given name and surname matches ~1,500 namesakes, each a random heap page to read before
-- ranking. This index holds the people's name blind indexes plus two clear tokens, the birth year
-- ('year:1990', 'year:-' when unknown) and the sex ('sex:F', 'sex:-'), both clear coarse columns
-- already, so the first retrieval tiers ("a given-name key AND a surname key AND born in the
-- report's years", or "... AND every given-name key AND the same sex") are answered inside one GIN
-- scan and only the rows kept are read from the table.
-- The expression must stay identical to PEOPLE_NAME_TOKENS in apps/server/src/missing/missing.queries.ts.
CREATE INDEX people_name_year_sex ON people USING gin (array_cat(name_bi, ARRAY['year:' || coalesce(birth_year::text, '-'), 'sex:' || coalesce(sex::text, '-')]));
