-- Forecast: the monthly sums read two narrow indexes in group order instead of the deals table.

-- Won bookings per close month, rep and product (covering, in GROUP BY order).
CREATE INDEX deals_won_by_month
    ON deals (stage, substr(closed_on, 1, 7), rep_id, product_id, amount_cents)
    WHERE stage = 'Won';

-- The open pipeline per expected close month, rep and product (covering, in GROUP BY order).
CREATE INDEX deals_open_by_close_month
    ON deals (substr(expected_close_on, 1, 7), rep_id, product_id, created_on, amount_cents,
              probability_bp, stage)
    WHERE stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation');
