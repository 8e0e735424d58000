/**
 * claimflow command line. The contract (other tools rely on it):
 *   claimflow demo
 *   claimflow x12 837 <encounter files…> [--tenant <tenant.json>] [--out <file>]
 *   claimflow x12 parse <x12 file> [--json]
 *   claimflow x12 validate <x12 files…> [--json]
 *   claimflow codesets import <files…> [--out <dir>] [--version <v>] [--system CPT]
 *   claimflow codesets list [--dir <dir>] [--json]
 *   claimflow scrub <files…> [--json] [--codesets <dir>] [--tenant <tenant.json>]
 *   claimflow report [--tenant <id>] [--html <file>] [--json] [--state <dir>]
 * Exit codes: 0 success, 1 invalid input, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { X12Error } from '../../lambdas/core/x12/errors.js';
import { CliInputError, CliUsageError, EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE } from './errors.js';

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    return report(error, io.stderr);
  }
}

function buildProgram(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Command {
  const program = new Command('claimflow')
    .description('Claim-processing pipeline for US healthcare billing: intake, 837 submission, 835 posting.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  program
    .command('demo')
    .description('run the whole loop on a local stack (DynamoDB Local + fauxqs) with the sample data in examples/')
    .option('--out <dir>', 'where the 837 and 835 files are copied', 'out')
    .option('--examples <dir>', 'folder with tenants/ and encounters/', 'examples')
    .action(async (options: { out: string; examples: string }) => {
      const { runDemo } = await import('../local/demo.js');
      await runDemo({ outDir: options.out, examplesDir: options.examples, print: (line) => io.stdout.write(`${line}\n`) });
    });

  const x12 = program.command('x12').description('X12 005010 tools');
  x12
    .command('837')
    .description('native JSON encounters -> one 837P interchange (stdout or --out)')
    .argument('<files...>', 'encounter JSON files')
    .option('--tenant <tenant.json>', 'tenant configuration (submitter, receivers, envelope ids); default: the demo tenant')
    .option('--out <file>', 'write the interchange to this file instead of stdout')
    .option('--receiver <id>', "receiver id from the tenant's configuration (default: the one the payers route to)")
    .option('--control-number <n>', 'ISA13/GS06 control number', '1')
    .action(async (files: string[], options) => {
      const { x12837Command } = await import('./x12-837.js');
      await x12837Command(files, options, io.stdout);
    });
  x12
    .command('parse')
    .description('any 837, 835, 999 or 277CA -> its model: claims for 837, payments/adjustments/balancing for 835')
    .argument('<file>', 'X12 file')
    .option('--json', 'print the model as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { x12ParseCommand } = await import('./x12-parse.js');
      await x12ParseCommand(file, options, io.stdout);
    });
  x12
    .command('validate')
    .description('check X12 files (837P, 837I, 835, 999, 277CA) against their implementation guide: exit 0 conformant, 1 errors found')
    .argument('<files...>', 'X12 files')
    .option('--json', 'print the findings as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { x12ValidateCommand } = await import('./x12-validate.js');
      await x12ValidateCommand(files, options, io.stdout);
    });

  program
    .command('tenants')
    .description('tenant configurations in a deployed stack')
    .command('put')
    .description('register (or update) tenant configurations in the claims table')
    .argument('<files...>', 'tenant configuration JSON files (shape of examples/tenants/*.json)')
    .requiredOption('--table <name>', 'the ClaimsTable name (stack output)')
    .option('--endpoint <url>', 'a DynamoDB endpoint other than AWS (e.g. DynamoDB Local)')
    .action(async (files: string[], options: { table: string; endpoint?: string }) => {
      const { tenantsPutCommand } = await import('./tenants.js');
      await tenantsPutCommand(files, options, io.stdout);
    });

  const codesets = program.command('codesets').description('versioned, date-effective code sets (ICD-10-CM/PCS, POA exempt, HCPCS, NCCI, MUE, NUCC, CPT)');
  codesets
    .command('import')
    .description('official code-set downloads (zips or text files) -> one artifact per code set and version')
    .argument('<files...>', 'files as downloaded from CMS/NUCC, or a licensed CPT file with --system CPT')
    .option('--out <dir>', 'folder for the artifacts', 'codesets/local')
    .option('--version <version>', 'override the version read from the file name (FY2026, 2026Q1, v321r0, 25.1, 2026)')
    .option('--system <system>', 'force the importer (CPT only)')
    .action(async (files: string[], options: { out?: string; version?: string; system?: string }) => {
      const { codesetsImportCommand } = await import('./codesets.js');
      await codesetsImportCommand(files, options, io.stdout);
    });
  codesets
    .command('list')
    .description('code sets in a folder of artifacts, with versions and counts')
    .option('--dir <dir>', 'folder of artifacts', 'codesets/local')
    .option('--json', 'print as JSON')
    .action(async (options: { dir?: string; json?: boolean }) => {
      const { codesetsListCommand } = await import('./codesets.js');
      await codesetsListCommand(options, io.stdout);
    });

  program
    .command('scrub')
    .description('any intake format (native JSON, X12 837, CSV superbill, FHIR R4) -> scrubber findings: exit 0 none at error level, 1 otherwise')
    .argument('<files...>', 'encounter files')
    .option('--json', 'print the findings as a JSON list')
    .option('--codesets <dir>', 'folder of code-set artifacts (default: codesets/local when it exists, else none: code-set rules warn "not verified")')
    .option('--tenant <tenant.json>', 'tenant configuration (scrubber settings, CSV mapping, time zone); default: the demo tenant')
    .action(async (files: string[], options: { json?: boolean; codesets?: string; tenant?: string }) => {
      const { scrubCommand } = await import('./scrub.js');
      await scrubCommand(files, options, io.stdout);
    });

  program
    .command('report')
    .description("the biller's report on the local stack: the state the last `claimflow demo` saved, every tenant or one")
    .option('--tenant <id>', 'one tenant (default: every tenant of the saved state)')
    .option('--html <file>', 'also write the report as one self-contained HTML page')
    .option('--json', 'print the report figures as JSON instead of text')
    .option('--state <dir>', 'where the demo saved its state', 'out/.local-state')
    .action(async (options: { tenant?: string; html?: string; json?: boolean; state?: string }) => {
      const { reportCommand } = await import('./report.js');
      await reportCommand(options, io.stdout);
    });

  program
    .command('schema')
    .description('print (or write) the JSON Schema of the native JSON encounter format')
    .option('--out <file>', 'write to this file')
    .action(async (options: { out?: string }) => {
      const { schemaCommand } = await import('./schema.js');
      await schemaCommand(options, io.stdout);
    });
  return program;
}

function report(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') {
      return EXIT_OK;
    }
    return EXIT_USAGE; // commander already printed the message
  }
  if (error instanceof CliUsageError) {
    stderr.write(`claimflow: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CliInputError) {
    const files = [...new Set(error.problems.map((p) => p.file))];
    stderr.write(`claimflow: invalid input in ${files.join(', ')}\n${error.problems.map((p) => `  ${p.file}: ${p.problem}\n`).join('')}`);
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof X12Error) {
    stderr.write(`claimflow: ${error.describe()}\n`);
    return EXIT_INVALID_INPUT;
  }
  stderr.write(`claimflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_INVALID_INPUT;
}
