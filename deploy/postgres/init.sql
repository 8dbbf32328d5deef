-- Druid's metadata store and Superset's, in one PostgreSQL. The druid role is the image's own
-- (POSTGRES_USER); Superset gets its own database, owned by the same role.
CREATE DATABASE superset OWNER druid;
