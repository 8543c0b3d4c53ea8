-- Plans gained a contract and the flag updatable. A plan stored before said nothing about either, which means no
-- contract and no plan change: it is written so here, since plans are answered as stored. The services keep their
-- version and are not published again: consumers read a plan without a contract as one with NONE already.
UPDATE efa_service
SET plans = (SELECT coalesce(jsonb_agg('{"contract": {"model": "NONE", "terms": null}, "updatable": false}'::jsonb || plan
                                       ORDER BY position), '[]'::jsonb)
             FROM jsonb_array_elements(plans::jsonb) WITH ORDINALITY AS p(plan, position))::text
WHERE plan_count > 0;
