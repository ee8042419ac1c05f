// `node --import ./test/support/moduleLog.mjs`: every ES module the process loads is appended to
// $DTE_MODULE_LOG, so a test can tell which parts of the code a command pulled in.
import { register } from 'node:module';

register('./moduleLogHooks.mjs', import.meta.url);
