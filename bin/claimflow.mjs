#!/usr/bin/env node
// The claimflow CLI. TypeScript sources run through tsx's loader, so
// `npx claimflow` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv);
