#!/usr/bin/env node
/** `lookout-keys`: create, list, rotate and revoke API keys. See `runKeysCommand`. */
import { processIo } from './cli-io.ts';
import { runKeysCommand } from './keys-command.ts';

process.exitCode = await runKeysCommand(process.argv.slice(2), process.env, processIo);
