import { writeFile } from 'node:fs/promises';
import { encounterJsonSchema } from '../../lambdas/core/encounters/encounter-document.js';

export function renderEncounterSchema(): string {
  return `${JSON.stringify(encounterJsonSchema(), null, 2)}\n`;
}

export async function schemaCommand(options: { out?: string }, stdout: NodeJS.WritableStream): Promise<void> {
  const text = renderEncounterSchema();
  if (options.out) await writeFile(options.out, text);
  else stdout.write(text);
}
