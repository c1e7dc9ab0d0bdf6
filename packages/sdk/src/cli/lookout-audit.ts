#!/usr/bin/env node
/** `lookout-audit verify <file>`: checks the hash chain of an audit log. See `runAuditCommand`. */
import { runAuditCommand } from './audit-command.ts';
import { processIo } from './cli-io.ts';

process.exitCode = await runAuditCommand(process.argv.slice(2), process.env, processIo);
