/**
 * Every capability that owns tables registers them when its module loads; importing this module
 * loads them all, so the registry is complete wherever the database is used (app, host, CLI, tests).
 * A new capability adds its module here.
 */
import './branch/branch';
import './roster/groups';
import './roster/members';
import './roster/status';
import './pipeline/applicants';
