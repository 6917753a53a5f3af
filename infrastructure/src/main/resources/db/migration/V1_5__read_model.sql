-- Which of a read model's two sets of tables answers reads, and which one a reset is rebuilding
-- (ReadModelSlots). A side inserts its model's row with the model's tables.
CREATE TABLE read_model (
    model              VARCHAR(64) PRIMARY KEY,
    active             VARCHAR(8)  NOT NULL,
    building           VARCHAR(8),
    -- Bumped by every reset, so that a switch decided before a reset cannot apply after it.
    generation         BIGINT      NOT NULL,
    -- While rebuilding: the position the answering tables stopped at.
    answering_position BIGINT,
    switched_at        TIMESTAMP WITH TIME ZONE
);
