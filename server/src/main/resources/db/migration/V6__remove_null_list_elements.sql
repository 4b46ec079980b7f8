-- Before V6 the operator API stored null elements of the lists it was sent (features:[null],
-- counters:[null], apns:["a", null] …), which made GetServiceProfile, QueryRatePlan, fetchSIM or
-- fetchApnGroup of that enterprise fail for good. It refuses them now; this removes those already
-- stored, keeping the other elements in their order. Nulls inside an element (a feature's value)
-- are data and stay.
CREATE FUNCTION v6_without_null_elements(list jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(e ORDER BY i), '[]') FROM jsonb_array_elements(list) WITH ORDINALITY AS x(e, i) WHERE e <> 'null'
$$;

UPDATE service_profile SET features = v6_without_null_elements(features)
WHERE jsonb_typeof(features) = 'array' AND features @> '[null]';

UPDATE plan SET benefits = v6_without_null_elements(benefits)
WHERE jsonb_typeof(benefits) = 'array' AND benefits @> '[null]';

UPDATE plan SET counters = v6_without_null_elements(counters)
WHERE jsonb_typeof(counters) = 'array' AND counters @> '[null]';

UPDATE sim SET supplier_imsis = v6_without_null_elements(supplier_imsis)
WHERE jsonb_typeof(supplier_imsis) = 'array' AND supplier_imsis @> '[null]';

UPDATE apn_group SET apns = array_remove(apns, NULL) WHERE array_position(apns, NULL) IS NOT NULL;

DROP FUNCTION v6_without_null_elements(jsonb);
