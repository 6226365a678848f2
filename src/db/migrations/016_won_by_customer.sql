-- The Won deals by customer and product, with everything the customers' value and cross-sell
-- read: `report tiers` and the Tiers screen scan this (about a third of the deals) in order
-- instead of fetching every Won deal from the table by key. `stage` is in the key so the scan
-- never reads the table.
CREATE INDEX deals_won_by_customer
    ON deals (customer_id, product_id, closed_on, amount_cents, stage)
    WHERE stage = 'Won';
