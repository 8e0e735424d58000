#!/usr/bin/env node
// The claimflow CLI. TypeScript sources run through tsx's loader, so
// `npx claimflow` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

// The SDK warns on Node 20 that releases after January 2027 need Node 22;
// the versions pinned here support Node 20, and the Lambdas run nodejs22.x.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv);
