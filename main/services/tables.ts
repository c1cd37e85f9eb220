/**
 * Every capability that owns tables declares and registers them in its own tables.ts; importing
 * this module loads them all, so the registry is complete wherever the database is used (app,
 * host, CLI, tests). A new capability adds its tables module here.
 */
import './branch/tables';
import './roster/tables';
import './pipeline/tables';
import './codeLists/tables';
