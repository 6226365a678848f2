-- Forecast: the monthly sums read two narrow partial indexes in GROUP BY order instead of the
-- deals table. The raw date column sits at the end so each index covers its query.

-- Won bookings per close month, rep and product.
CREATE INDEX deals_won_by_month
    ON deals (stage, substr(closed_on, 1, 7), rep_id, product_id, amount_cents, closed_on)
    WHERE stage = 'Won';

-- The open pipeline per expected close month, rep and product.
CREATE INDEX deals_open_by_close_month
    ON deals (substr(expected_close_on, 1, 7), rep_id, product_id, created_on, amount_cents,
              probability_bp, stage, expected_close_on)
    WHERE stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation');
