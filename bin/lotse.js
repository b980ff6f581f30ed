#!/usr/bin/env node
// The `lotse` command. Runs the TypeScript sources through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
