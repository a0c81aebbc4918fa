"""Versioned schema migrations, applied in order inside one transaction on first use and upgrade.

A migration, once released, never changes: fix mistakes with a new one. Type words in braces
({pk}, {instant}, …) are filled per database so one script serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

from twitchguide.errors import StoreUnavailable
from twitchguide.store.database import COLUMN_TYPES, Database

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "diary records and users",
        """
        CREATE TABLE users (
            id {pk},
            name {text} NOT NULL UNIQUE,
            timezone {text} NOT NULL,
            day_start_hour {int} NOT NULL DEFAULT 4,
            emergency_number {text},
            created_at {instant} NOT NULL
        );
        CREATE TABLE episodes (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            started_at {instant} NOT NULL,
            region {text} NOT NULL,
            side {text},
            duration_seconds {int},
            ongoing {bool} NOT NULL DEFAULT {false},
            intensity {int},
            pattern {text},
            context {text},
            count {int},
            count_minutes {real},
            note {text}
        );
        CREATE INDEX episodes_owner_started ON episodes (owner_id, started_at);
        CREATE TABLE daily_factors (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            day {date} NOT NULL,
            sleep_hours {real},
            stress {int},
            anxiety {int},
            caffeine_mg {real},
            water_litres {real},
            exercise_minutes {real},
            exercise_intensity {text},
            alcohol_units {real},
            magnesium_servings {real},
            potassium_servings {real},
            hours_observed {real},
            note {text},
            UNIQUE (owner_id, day)
        );
        CREATE TABLE medication_courses (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            name {text} NOT NULL,
            kind {text},
            dose {text},
            started_on {date} NOT NULL,
            ended_on {date},
            note {text}
        );
        CREATE INDEX medication_courses_owner ON medication_courses (owner_id, started_on);
        CREATE TABLE symptom_reports (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            noted_at {instant} NOT NULL,
            kind {text} NOT NULL,
            region {text},
            side {text},
            since {date},
            description {text}
        );
        CREATE INDEX symptom_reports_owner ON symptom_reports (owner_id, noted_at);
        CREATE TABLE strength_checks (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            checked_at {instant} NOT NULL,
            grip_left_1 {real},
            grip_left_2 {real},
            grip_left_3 {real},
            grip_right_1 {real},
            grip_right_2 {real},
            grip_right_3 {real},
            heel_walk {text},
            toe_walk {text},
            note {text}
        );
        CREATE INDEX strength_checks_owner ON strength_checks (owner_id, checked_at);
        """,
    ),
    (
        2,
        "relief strategy ratings",
        """
        CREATE TABLE relief_ratings (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            updated_at {instant} NOT NULL,
            rated_on {date} NOT NULL,
            strategy {text} NOT NULL,
            rating {text} NOT NULL,
            note {text}
        );
        CREATE INDEX relief_ratings_owner ON relief_ratings (owner_id, rated_on);
        """,
    ),
    (
        3,
        "deleted records, kept so a delete can be undone",
        """
        CREATE TABLE deleted_records (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            kind {text} NOT NULL,
            record_id {ref} NOT NULL,
            record {text} NOT NULL,
            deleted_at {instant} NOT NULL
        );
        CREATE INDEX deleted_records_owner ON deleted_records (owner_id, kind, record_id);
        """,
    ),
    (
        4,
        "self-experiments and their daily adherence",
        """
        CREATE TABLE experiments (
            id {pk},
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            step {text} NOT NULL,
            seed {int} NOT NULL,
            pairs {int} NOT NULL,
            block_days {int} NOT NULL,
            washout_days {int} NOT NULL,
            first_on {text} NOT NULL,
            start_day {date} NOT NULL,
            planned_analysis {text} NOT NULL,
            power_statement {text} NOT NULL,
            stopped_on {date}
        );
        CREATE INDEX experiments_owner ON experiments (owner_id, start_day);
        CREATE TABLE experiment_days (
            id {pk},
            experiment_id {ref} NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
            day {date} NOT NULL,
            kept {bool} NOT NULL,
            noted_at {instant} NOT NULL,
            UNIQUE (experiment_id, day)
        );
        """,
    ),
    (
        5,
        "hosted mode: accounts, sessions, tokens, login limits, share links, audit log",
        """
        CREATE TABLE accounts (
            owner_id {ref} PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            password_hash {text} NOT NULL,
            is_admin {bool} NOT NULL DEFAULT {false},
            created_at {instant} NOT NULL,
            password_changed_at {instant} NOT NULL
        );
        CREATE TABLE sessions (
            id {pk},
            token_hash {text} NOT NULL UNIQUE,
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            expires_at {instant} NOT NULL
        );
        CREATE INDEX sessions_owner ON sessions (owner_id);
        CREATE TABLE api_tokens (
            id {pk},
            token_hash {text} NOT NULL UNIQUE,
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            label {text} NOT NULL,
            created_at {instant} NOT NULL,
            revoked_at {instant}
        );
        CREATE INDEX api_tokens_owner ON api_tokens (owner_id);
        CREATE TABLE reset_tokens (
            id {pk},
            token_hash {text} NOT NULL UNIQUE,
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            expires_at {instant} NOT NULL,
            used_at {instant}
        );
        CREATE TABLE invites (
            id {pk},
            token_hash {text} NOT NULL UNIQUE,
            created_at {instant} NOT NULL,
            expires_at {instant} NOT NULL,
            used_at {instant}
        );
        CREATE TABLE login_limits (
            limit_key {text} PRIMARY KEY,
            failures {int} NOT NULL,
            first_failure_at {instant} NOT NULL,
            locked_until {instant}
        );
        CREATE TABLE share_links (
            id {pk},
            token_hash {text} NOT NULL UNIQUE,
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at {instant} NOT NULL,
            expires_at {instant} NOT NULL,
            revoked_at {instant},
            period_start {date} NOT NULL,
            period_end {date} NOT NULL
        );
        CREATE INDEX share_links_owner ON share_links (owner_id);
        CREATE TABLE share_views (
            id {pk},
            share_id {ref} NOT NULL REFERENCES share_links(id) ON DELETE CASCADE,
            owner_id {ref} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            viewed_at {instant} NOT NULL
        );
        CREATE INDEX share_views_owner ON share_views (owner_id, share_id);
        CREATE TABLE audit_log (
            id {pk},
            owner_id {ref} REFERENCES users(id) ON DELETE CASCADE,
            at {instant} NOT NULL,
            event {text} NOT NULL,
            detail {text} NOT NULL
        );
        CREATE INDEX audit_log_owner ON audit_log (owner_id, at);
        """,
    ),
    (
        6,
        "self-experiments: the analysis each was planned with",
        # Experiments recorded before this were promised the Student-t analysis; they keep it.
        """
        ALTER TABLE experiments ADD COLUMN analysis {text} NOT NULL DEFAULT 'student_t';
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1][0]

# Row-level security, PostgreSQL only: a second wall behind the store's own scoping. A role
# that does not own the tables (hosted mode's app role) sees only the rows of the user id set
# for its request (`twitchguide.user_id`), whatever a query asks for. The owner, which runs
# migrations and the sign-in steps, is not bound by them. Tables without an owner column
# have no policy at all, so the app role can read none of their rows.
_CURRENT_USER = "NULLIF(current_setting('twitchguide.user_id', true), '')::bigint"
_OWNED_TABLES = (
    "episodes",
    "daily_factors",
    "medication_courses",
    "symptom_reports",
    "strength_checks",
    "relief_ratings",
    "deleted_records",
    "accounts",
    "sessions",
    "api_tokens",
    "reset_tokens",
    "share_links",
    "share_views",
    "audit_log",
    "experiments",
)
POSTGRES_ONLY: dict[int, tuple[str, ...]] = {
    5: (
        "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY users_self ON users USING (id = {_CURRENT_USER}) "
        f"WITH CHECK (id = {_CURRENT_USER})",
        *(
            statement
            for table in _OWNED_TABLES
            for statement in (
                f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"CREATE POLICY {table}_owner ON {table} USING (owner_id = {_CURRENT_USER}) "
                f"WITH CHECK (owner_id = {_CURRENT_USER})",
            )
        ),
        # An experiment's days belong to whoever can see the experiment.
        "ALTER TABLE experiment_days ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY experiment_days_owner ON experiment_days USING (EXISTS "
        "(SELECT 1 FROM experiments e WHERE e.id = experiment_id)) WITH CHECK (EXISTS "
        "(SELECT 1 FROM experiments e WHERE e.id = experiment_id))",
        "ALTER TABLE invites ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE login_limits ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE schema_migrations ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY schema_migrations_read ON schema_migrations FOR SELECT USING (true)",
        # Every deleted record leaves a line in its owner's audit log (hosted mode shows it).
        "CREATE FUNCTION audit_deleted_record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "INSERT INTO audit_log (owner_id, at, event, detail) VALUES "
        "(NEW.owner_id, now(), 'record_deleted', NEW.kind || ' ' || NEW.record_id); "
        "RETURN NEW; END $$",
        "CREATE TRIGGER deleted_records_audit AFTER INSERT ON deleted_records "
        "FOR EACH ROW EXECUTE FUNCTION audit_deleted_record()",
    ),
}


class NewerSchema(StoreUnavailable):
    """The diary was written by a newer Twitchguide: upgrade rather than risk dropping data."""


def schema_version(database: Database) -> int:
    """The version the database is at; 0 for an empty one."""
    if database.dialect == "sqlite":
        exists = database.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        )
    else:
        # to_regclass follows search_path, so each schema has its own version.
        exists = database.query("SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL")
    if not exists:
        return 0
    rows = database.query("SELECT MAX(version) AS version FROM schema_migrations")
    return int(rows[0]["version"] or 0)


def migrate(database: Database, target: int = LATEST_VERSION) -> int:
    """Bring the schema up to `target`, all steps in one transaction; returns the new version.

    Safe when many processes open a never-migrated diary at once: SQLite's BEGIN IMMEDIATE and
    a PostgreSQL advisory lock let one of them migrate while the others wait, and each checks
    the version again once it holds the lock. A diary from a newer Twitchguide is refused
    rather than read or written with a schema this one does not know.
    """
    current = _known_version(database)
    if current >= target:
        return current
    types = dict(COLUMN_TYPES[database.dialect])
    types["false"] = "0" if database.dialect == "sqlite" else "FALSE"
    if database.dialect == "postgresql":
        # Two processes upgrading at once must not both run the same step. The lock is taken
        # before the transaction begins, so the transaction sees the tables the other made
        # (inside one, PostgreSQL may still look names up in its older catalog snapshot).
        database.execute("SELECT pg_advisory_lock(727350)")
    try:
        with database.transaction():
            _apply(database, target, types)
    finally:
        if database.dialect == "postgresql":
            database.execute("SELECT pg_advisory_unlock(727350)")
    return schema_version(database)


def _apply(database: Database, target: int, types: dict[str, str]) -> None:
    current = _known_version(database)  # again, now that this process holds the lock
    if current == 0:
        database.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
            "description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    for version, description, script in MIGRATIONS:
        if current < version <= target:
            for statement in script.format(**types).split(";"):
                if statement.strip():
                    database.execute(statement)
            if database.dialect == "postgresql":
                for statement in POSTGRES_ONLY.get(version, ()):
                    database.execute(statement)
            database.execute(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                (version, description, datetime.now(UTC).isoformat()),
            )


def _known_version(database: Database) -> int:
    """The schema version, refusing one newer than this Twitchguide knows."""
    version = schema_version(database)
    if version > LATEST_VERSION:
        raise NewerSchema(
            f"database: this diary was written by a newer Twitchguide (schema version {version}; "
            f"this one knows up to {LATEST_VERSION}); upgrade it. Nothing was read or written."
        )
    return version
