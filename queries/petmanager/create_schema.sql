CREATE SCHEMA {schema};
