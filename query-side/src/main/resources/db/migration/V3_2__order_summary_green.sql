-- The orders read model's second set of tables: a reset rebuilds into whichever set is not
-- answering, and reads switch to it once the rebuild has caught up (ReadModelSlots).
-- order_summary and order_summary_line are the BLUE set.
CREATE TABLE order_summary_green (
    order_id            VARCHAR(64)    PRIMARY KEY,
    customer_id         VARCHAR(100)   NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    total               NUMERIC(16, 2) NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    version             BIGINT         NOT NULL,
    carrier             VARCHAR(64),
    tracking_number     VARCHAR(64),
    cancellation_reason VARCHAR(500),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX order_summary_green_customer ON order_summary_green (customer_id, created_at);
CREATE INDEX order_summary_green_status ON order_summary_green (status, created_at);

CREATE TABLE order_summary_line_green (
    order_summary     VARCHAR(64)    NOT NULL REFERENCES order_summary_green (order_id) ON DELETE CASCADE,
    order_summary_key INTEGER        NOT NULL,
    sku               VARCHAR(64)    NOT NULL,
    quantity          INTEGER        NOT NULL,
    unit_price        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_summary, order_summary_key)
);

INSERT INTO read_model (model, active, generation) VALUES ('order-summary', 'BLUE', 0);
